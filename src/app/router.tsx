import { createBrowserRouter } from "react-router";
import { CallbackPage } from "./callback-page.tsx";
import { FlowPage } from "./flow-page.tsx";
import { HomePage } from "./home-page.tsx";
import { Layout } from "./layout.tsx";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "callback", element: <CallbackPage /> },
      { path: ":providerId", element: <FlowPage /> },
      { path: ":providerId/:stepId", element: <FlowPage /> },
    ],
  },
]);
