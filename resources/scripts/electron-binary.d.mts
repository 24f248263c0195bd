/** Locate an installed Electron binary without triggering its download (see electron-binary.mjs). */
export function electronBinary(): string | null;
