// What every cache is keyed to besides its inputs: a hash of the code that wrote it, set by the build
// (scripts/build.mjs). A snapshot written by other code — another release, or a change to what the
// fold computes — is never believed, so no format number needs bumping by hand.
declare const __LAUNCH_BUILD__: string;

export const BUILD_ID = typeof __LAUNCH_BUILD__ === 'string' ? __LAUNCH_BUILD__ : 'dev';
