/** Placeholder home; the Copilot page replaces it. */
export default function Home() {
  return <main><h1>Offer Copilot</h1></main>;
}
