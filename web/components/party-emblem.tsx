/** The app's mark: a gold star on red, drawn inline (no external assets: the app runs on isolated networks). */
export function PartyEmblem({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-hidden="true" style={{ flex: 'none', display: 'block' }}>
      <rect width="64" height="64" rx="12" fill="#b71c1c" />
      <path fill="#ffd54f" d="M32 9.5l6.2 19.1h20.1L42.1 40.4l6.2 19.1L32 47.7 15.7 59.5l6.2-19.1L5.7 28.6h20.1z" />
    </svg>
  );
}
