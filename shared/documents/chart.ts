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

/**
 * A quantity over time, drawn as steps on a time axis (issue 21: a publication's stock): each
 * point is the value from its day on, until the next point. `level`, when given, is drawn as a
 * dashed line (the minimum stock).
 */
export interface TimelineSpec {
  title: string;
  seriesName: string;
  /** ISO days in order, each with the value at its end. */
  points: { date: string; value: number }[];
  unit: string;
  level?: { name: string; value: number };
}
