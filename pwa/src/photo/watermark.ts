// The watermark band burnt into every photo, as the 水印相机 apps do: time (China time), GPS or
// 位置未获取, task number, unit and the report's verification code, with a QR code of the
// verification page at the right (qr-mark.ts).
import type { Location } from '../../../shared/schemas/common';
import { formatVerifyCode } from '../../../shared/verify-code';
import { formatLocation } from './geo';
import { drawQr, type Context2D } from './qr-mark';

export interface WatermarkInfo {
  takenAt: Date;
  location: Location | null;
  taskNumber: string;
  unitName: string;
  verifyCode: string;
  /** The verification page of the code (shared/verify-code.ts verifyUrl): drawn as a QR code. */
  verifyUrl?: string;
}

const FONT = `'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif`;

/** 2024-03-25 14:32 in China time, whatever the phone's time zone. */
export function chinaTimeText(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3600 * 1000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

export function watermarkLines(info: WatermarkInfo): { time: string; lines: string[] } {
  return {
    time: chinaTimeText(info.takenAt),
    lines: [
      info.location ? `位置 ${formatLocation(info.location)}` : '位置未获取',
      `${info.taskNumber || '任务'} · ${info.unitName}`,
      `核验码 ${formatVerifyCode(info.verifyCode)}`,
    ],
  };
}

function fit(ctx: Context2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > maxWidth) s = s.slice(0, -1);
  return `${s}…`;
}

/** The band's layout for a width × height photo: font sizes and its height. */
function bandLayout(width: number, height: number, lineCount: number) {
  const fs = Math.max(12, Math.round(Math.min(width, height) / 34));
  const timeFs = Math.round(fs * 1.35);
  const gap = Math.round(fs * 0.35);
  const pad = Math.round(fs * 0.7);
  const bandH = pad * 2 + timeFs + gap + lineCount * (fs + gap) - gap;
  return { fs, timeFs, gap, pad, bandH };
}

/** Height of the band on a width × height photo. */
export function watermarkHeight(width: number, height: number, info: WatermarkInfo): number {
  return bandLayout(width, height, watermarkLines(info).lines.length).bandH;
}

/** Draws the band along the bottom edge of a width × height canvas. */
export function drawWatermark(ctx: Context2D, width: number, height: number, info: WatermarkInfo): void {
  drawBand(ctx, width, height, height - watermarkHeight(width, height, info), info);
}

/**
 * Draws the band of a width × height photo with its top edge at `top`: at the photo's bottom, or
 * at 0 on a transparent canvas of the band's own height, composited later (the Worker draws it
 * while the photo is still decoding; source-over compositing gives the same pixels).
 */
export function drawBand(ctx: Context2D, width: number, height: number, top: number, info: WatermarkInfo): void {
  const { time, lines } = watermarkLines(info);
  const { fs, timeFs, gap, pad, bandH } = bandLayout(width, height, lines.length);
  ctx.save();
  ctx.fillStyle = 'rgba(0, 0, 0, 0.5)';
  ctx.fillRect(0, top, width, bandH);
  // A red accent bar on the left, as field-camera apps show.
  ctx.fillStyle = '#b3261e';
  ctx.fillRect(pad, top + pad, Math.max(3, Math.round(fs * 0.18)), bandH - pad * 2);
  const x = pad + Math.round(fs * 0.6);
  // The QR code fills the band's height at the right; the text and the brand keep clear of it.
  const qrBox = info.verifyUrl ? bandH - pad : 0;
  const qr = info.verifyUrl ? drawQr(ctx, info.verifyUrl, width - pad - qrBox, top + Math.round(pad / 2), qrBox) + pad : 0;
  const maxW = width - x - pad - qr;
  ctx.fillStyle = '#fff';
  ctx.textBaseline = 'top';
  ctx.shadowColor = 'rgba(0, 0, 0, 0.6)';
  ctx.shadowBlur = Math.round(fs / 8);
  let y = top + pad;
  ctx.font = `700 ${timeFs}px ${FONT}`;
  ctx.fillText(fit(ctx, time, maxW), x, y);
  // 督办 at the right of the time line.
  ctx.font = `600 ${fs}px ${FONT}`;
  const brand = '督办';
  ctx.fillText(brand, width - pad - qr - ctx.measureText(brand).width, y + (timeFs - fs));
  y += timeFs + gap;
  ctx.font = `400 ${fs}px ${FONT}`;
  for (const line of lines) {
    ctx.fillText(fit(ctx, line, maxW), x, y);
    y += fs + gap;
  }
  ctx.restore();
}
