import { createBrowserRouter } from "react-router";
import { HomePage } from "./home-page.tsx";
import { Layout } from "./layout.tsx";

// The wizard, viewers and flows are lazy chunks: the home page loads none of them.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "diagnose", lazy: async () => ({ Component: (await import("./diagnose-page.tsx")).DiagnosePage }) },
      { path: "callback", lazy: async () => ({ Component: (await import("./callback-page.tsx")).CallbackPage }) },
      { path: ":providerId", lazy: async () => ({ Component: (await import("./flow-page.tsx")).FlowPage }) },
      { path: ":providerId/:stepId", lazy: async () => ({ Component: (await import("./flow-page.tsx")).FlowPage }) },
    ],
  },
]);
