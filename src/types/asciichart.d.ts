declare module 'asciichart' {
  interface PlotConfig {
    height?: number;
    colors?: string[];
    format?: (x: number, i: number) => string;
  }
  const asciichart: {
    plot(series: number[] | number[][], config?: PlotConfig): string;
    blue: string;
    darkgray: string;
    default: string;
  };
  export default asciichart;
}
