/** The address of the prebuilt basemap (vite.config.ts builds it from world-atlas with `mapBasemap`). */
declare module 'virtual:caravan-basemap' {
  const url: string;
  export default url;
}
