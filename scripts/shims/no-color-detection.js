// chalk's own colour detection, replaced at build time: launch decides the colour level itself
// (src/render/theme.ts, from --no-color, NO_COLOR, FORCE_COLOR and the terminal) and always passes it
// to `new Chalk({ level })`. chalk's detection would load node:os and node:tty and run at start-up.
export default { stdout: false, stderr: false };
