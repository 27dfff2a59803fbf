import * as allure from "allure-js-commons";
import type { Block, Rgb } from "./png.ts";
import { renderPng } from "./png.ts";

export const attachJson = (name: string, value: unknown) =>
  allure.attachment(name, JSON.stringify(value, null, 2), { contentType: "application/json", fileExtension: "json" });

export const attachLog = (name: string, lines: string[]) =>
  allure.attachment(name, `${lines.join("\n")}\n`, { contentType: "text/plain", fileExtension: "log" });

export const attachHtml = (name: string, html: string) =>
  allure.attachment(name, html, { contentType: "text/html", fileExtension: "html" });

const PAGE: Rgb = [248, 249, 251];
const HEADER: Rgb = [31, 41, 51];
const TEXT: Rgb = [203, 210, 217];
const ACCENT: Rgb = [59, 130, 246];
const SUCCESS: Rgb = [34, 197, 94];
const DANGER: Rgb = [239, 68, 68];

/**
 * A small mock-up of the page under test (header, content rows, a banner), so the demo
 * carries real PNG screenshots without carrying a browser.
 */
export const attachScreenshot = (name: string, page: { rows: number; banner?: "success" | "error"; button?: boolean }) => {
  const width = 160;
  const height = 100;
  const blocks: Block[] = [{ x: 0, y: 0, w: width, h: 14, color: HEADER }, { x: 6, y: 4, w: 30, h: 6, color: ACCENT }];
  if (page.banner) blocks.push({ x: 8, y: 20, w: width - 16, h: 10, color: page.banner === "success" ? SUCCESS : DANGER });
  for (let i = 0; i < page.rows; i++) blocks.push({ x: 8, y: 36 + i * 9, w: 90 + ((i * 37) % 50), h: 5, color: TEXT });
  if (page.button) blocks.push({ x: width - 58, y: height - 20, w: 50, h: 12, color: ACCENT });
  return allure.attachment(name, renderPng(width, height, PAGE, blocks), { contentType: "image/png", fileExtension: "png" });
};
