import { expect, test } from "./fixtures.ts";

/** A browser set to Chinese gets every visible string, date, time and duration in Chinese, on a 24-hour clock. */
test.use({ locale: "zh-CN" });

test("Language: in 简体中文 the clock, the traffic times and the durations are Chinese and 24-hour", async ({ page, workspace }) => {
  // Evening, so a 12-hour clock would show 下午 or PM.
  await page.clock.setFixedTime(new Date("2026-11-21T20:52:47"));
  await page.goto(workspace.path("/pigai/token"));
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("button", { name: "发送请求" }).click();
  const outcome = page.locator("[data-outcome]");
  await expect(outcome).toHaveAttribute("data-outcome", "success");
  await expect(outcome).toContainText(/约剩 2小时/);
  await expect(outcome).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}/);

  const clock = page.getByRole("group", { name: "虚拟时钟" });
  await clock.getByRole("button", { name: /^虚拟时钟: / }).click();
  for (const preset of ["+10分钟", "+2小时", "+1天"]) await expect(clock.getByRole("button", { name: `将时钟拨快 ${preset}` })).toHaveText(preset);
  await clock.getByRole("button", { name: "将时钟拨快 +2小时" }).click();
  await expect(clock.getByRole("button", { name: /^虚拟时钟: / })).toContainText("+2小时");

  // The selected exchange's line: its time of day and how long it took.
  const detail = page.getByRole("region", { name: /^#\d+$/ }).locator("p").first();
  await expect(detail).toContainText(/ · \d{2}:\d{2}:\d{2} · \d+毫秒$/);
  await expect(detail).not.toContainText(/AM|PM|上午|下午|\bms\b/);
  await expect(page.getByRole("banner")).not.toContainText(/\b(min|day|Seed|random)\b/);
});
