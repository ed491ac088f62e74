import type { TestProject } from "vitest/node";
import { type SharedApp, startApp } from "./app-server";

// One app server for the whole browser suite (built once, started once): files get it with sharedApp().

declare module "vitest" {
  export interface ProvidedContext {
    e2eApp: SharedApp;
  }
}

/** Starts the app before the first browser test file and stops it after the last. */
export default async function setup(project: TestProject) {
  const app = await startApp();
  const { stop, ...shared } = app;
  project.provide("e2eApp", shared);
  return async () => {
    await stop();
  };
}
