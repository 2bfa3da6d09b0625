/**
 * A chart as data, defined once by the register that shows it and drawn in the main process
 * (electron/documents/chart.ts): as SVG for the screen (shown as an image, so the window loads no
 * chart library) and as PNG for Word. Values are plain numbers; every text is Russian.
 */
export interface ChartSpec {
  title: string;
  /** The category axis, in order: «2014», «2015» or «I квартал»… Every label is drawn. */
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Named on the value axis: «случаев». */
  unit: string;
}
