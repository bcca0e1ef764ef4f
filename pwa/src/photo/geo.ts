// The phone's position for a photo: GPS works without a network, but can be slow or refused.
import type { Location } from '../../../shared/schemas/common';

export function getPosition(timeoutMs = 10_000): Promise<Location | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        clearTimeout(timer);
        resolve({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: Math.round(pos.coords.accuracy) });
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

/** 31.29876°N 120.61234°E（±15米） */
export function formatLocation(l: Location): string {
  const lat = `${Math.abs(l.lat).toFixed(5)}°${l.lat >= 0 ? 'N' : 'S'}`;
  const lng = `${Math.abs(l.lng).toFixed(5)}°${l.lng >= 0 ? 'E' : 'W'}`;
  return `${lat} ${lng}${l.accuracy !== undefined ? `（±${Math.round(l.accuracy)}米）` : ''}`;
}
