import { createBrowserRouter, type RouteObject } from "react-router";
import { WorkspaceGate } from "../core/workspace/workspace-gate.tsx";
import { HomePage } from "./home-page.tsx";
import { Layout } from "./layout.tsx";

// The wizard, viewers and flows are lazy chunks: the home page loads none of them.
const pages = (): RouteObject[] => [
  { index: true, element: <HomePage /> },
  { path: "diagnose", lazy: async () => ({ Component: (await import("./diagnose-page.tsx")).DiagnosePage }) },
  { path: "callback", lazy: async () => ({ Component: (await import("./callback-page.tsx")).CallbackPage }) },
  { path: ":providerId", lazy: async () => ({ Component: (await import("./flow-page.tsx")).FlowPage }) },
  { path: ":providerId/:stepId", lazy: async () => ({ Component: (await import("./flow-page.tsx")).FlowPage }) },
];

/** The default workspace at the root, every other at /w/<id> with the same pages below it. */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [...pages(), { path: "w/:workspace", element: <WorkspaceGate />, children: pages() }],
  },
]);
