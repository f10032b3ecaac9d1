/** Colours of holders in the control layer and on place pages, in order of first appearance (each ≥ 4.5:1 on white). */
export const HOLDER_COLOURS = ["#b03a2e", "#1f618d", "#1e8449", "#7d3c98", "#a04000", "#117a65", "#7d6608", "#2c3e50"];
/** The colour of an unknown holder. */
export const UNKNOWN_COLOUR = "#6b6b6b";
