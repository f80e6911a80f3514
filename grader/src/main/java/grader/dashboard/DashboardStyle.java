package grader.dashboard;

/**
 * The page's stylesheet. It uses the system's fonts and no image, so the page loads nothing; colours
 * pass WCAG AA on white, and every status also has a word or a symbol, never only a colour.
 */
final class DashboardStyle {
    /** The CSS of the page's single {@code <style>} element. */
    static final String CSS = """
            :root {
              --text: #1b1f24; --muted: #4a5361; --line: #c9d1d9; --head: #f3f5f7; --accent: #0a58b0;
              --pass: #17692f; --fail: #a4231a; --warn: #7a4a00; --bar: #2f6aa8; --track: #e4e9ef; --focus: #c2410c;
            }
            * { box-sizing: border-box; }
            html { color-scheme: light; }
            body {
              margin: 0; color: var(--text); background: #fff;
              font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
            }
            header, main, nav { max-width: 1320px; margin: 0 auto; padding: 0 16px; }
            header { padding-top: 12px; }
            h1 { font-size: 1.5rem; margin: 0.3rem 0; }
            h2 { font-size: 1.25rem; margin: 1.6rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--line); }
            h3 { font-size: 1.05rem; margin: 1.1rem 0 0.4rem; }
            p { margin: 0.3rem 0; }
            a { color: var(--accent); }
            .muted { color: var(--muted); }
            .sr-only {
              position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
              clip: rect(0 0 0 0); white-space: nowrap; border: 0;
            }
            .skip { position: absolute; left: 8px; top: -40px; background: #fff; padding: 6px 10px; z-index: 10; }
            .skip:focus { top: 8px; }
            :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
            nav ul { list-style: none; display: flex; gap: 18px; padding: 0; margin: 4px 0 0; }
            button, input, select { font: inherit; color: inherit; }
            .stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; }
            .stats div { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 140px; }
            .stats dt { color: var(--muted); font-size: 0.9rem; }
            .stats dd { margin: 0; font-size: 1.6rem; font-weight: 600; font-variant-numeric: tabular-nums; }
            figure { margin: 12px 0 0; }
            figcaption { color: var(--muted); font-size: 0.9rem; }
            #histogram { width: 100%; max-width: 680px; height: auto; display: block; }
            #histogram .bar { fill: var(--bar); }
            #histogram text { fill: var(--text); font-size: 12px; }
            #histogram .axis { stroke: var(--muted); }
            .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 0 32px; }
            .rates { list-style: none; padding: 0; margin: 0; }
            .rates li { display: grid; grid-template-columns: minmax(120px, 16em) 1fr 10.5em; gap: 8px; align-items: center; padding: 2px 0; }
            .rates .name { overflow-wrap: anywhere; }
            .track { height: 12px; background: var(--track); border-radius: 3px; overflow: hidden; }
            .track, .fill { display: block; }
            .fill { height: 100%; width: 0; background: var(--bar); }
            .value { font-variant-numeric: tabular-nums; text-align: right; }
            #top-failures > li { margin-bottom: 0.7rem; }
            #top-failures ul { margin: 0.2rem 0 0; padding-left: 1.2rem; }
            .count { font-variant-numeric: tabular-nums; font-weight: 600; }
            .controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin-bottom: 8px; }
            .controls label { display: block; font-size: 0.9rem; color: var(--muted); }
            .controls input, .controls select {
              border: 1px solid #6b7480; border-radius: 4px; padding: 5px 8px; background: #fff; min-width: 16em;
            }
            #shown-count { margin: 0 0 6px; font-variant-numeric: tabular-nums; }
            .table-wrap { max-height: 70vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
            /*
             * Laying out thousands of table rows would be most of the page's start-up. Each row is a grid
             * on the columns the script sets in --columns instead, and rows out of view skip layout
             * (content-visibility). The markup keeps explicit table roles, so assistive technology still
             * reads a table; print goes back to a real table.
             */
            #students { display: block; min-width: 62rem; }
            #students caption { display: block; text-align: left; padding: 6px 8px; color: var(--muted); }
            #students thead, #students tbody { display: block; }
            #students thead { position: sticky; top: 0; z-index: 1; background: var(--head); }
            #students tr { display: grid; grid-template-columns: var(--columns); border-bottom: 1px solid var(--line); }
            #students tbody tr { content-visibility: auto; contain-intrinsic-size: auto 2.2rem; }
            #students tr[hidden] { display: none; }
            th, td { padding: 4px 8px; text-align: left; vertical-align: top; }
            thead th { padding: 0; }
            thead button span { overflow-wrap: anywhere; }
            thead button {
              display: flex; gap: 4px; width: 100%; padding: 6px 8px; border: 0; background: none;
              font-weight: 600; text-align: left; cursor: pointer;
            }
            thead button:hover { text-decoration: underline; }
            .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
            .full { color: var(--pass); font-weight: 600; }
            .none { color: var(--muted); }
            tbody th { font-weight: normal; }
            button.drill {
              border: 0; background: none; padding: 0; color: var(--accent); text-decoration: underline;
              cursor: pointer; text-align: left; overflow-wrap: anywhere;
            }
            /* Inline, not inline-block: one badge box fewer to lay out per flag. */
            .flag {
              margin-right: 6px; padding: 0 6px; border: 1px solid currentColor; border-radius: 10px;
              font-size: 0.85rem; color: var(--warn); white-space: nowrap; line-height: 1.9;
            }
            .flag[data-flag="grading-error"], .flag[data-flag="points-differ"] { color: var(--fail); }
            dialog {
              width: min(920px, 94vw); max-height: 88vh; padding: 0; border: 1px solid var(--line); border-radius: 8px;
              color: var(--text);
            }
            dialog::backdrop { background: rgba(15, 23, 42, 0.45); }
            .detail-inner { padding: 12px 20px 20px; }
            .detail-head { display: flex; justify-content: space-between; align-items: center; gap: 12px; }
            .detail-head h2 { border: 0; margin: 0.4rem 0; overflow-wrap: anywhere; }
            .detail-head button { border: 1px solid #6b7480; border-radius: 4px; background: #fff; padding: 4px 12px; cursor: pointer; }
            .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
            .facts dt { color: var(--muted); }
            .facts dd { margin: 0; overflow-wrap: anywhere; }
            .tests { list-style: none; padding: 0; margin: 0; }
            .tests li { padding: 4px 0 4px 1.6em; text-indent: -1.6em; border-bottom: 1px solid var(--track); }
            .status { font-weight: 600; }
            li[data-status="passed"] .status { color: var(--pass); }
            li[data-status="failed"] .status, li[data-status="error"] .status, li[data-status="timeout"] .status { color: var(--fail); }
            .message {
              text-indent: 0; margin: 4px 0 0; padding: 6px 8px; background: #f6f8fa; border-radius: 4px;
              white-space: pre-wrap; overflow-wrap: anywhere; font: 0.85rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
            }
            .run { margin: 4px 0 10px; }
            .timeline { width: 100%; max-width: 640px; height: auto; display: block; }
            .timeline .bar { fill: var(--bar); }
            .timeline .guide { stroke: var(--track); }
            .timeline .axis { stroke: var(--muted); }
            .timeline text { fill: var(--text); font-size: 11px; }
            .timeline .tick { fill: var(--muted); }
            @media (max-width: 720px) {
              .rates li { grid-template-columns: 1fr; }
            }
            @media print {
              nav, .skip, .controls, dialog, .sort-icon { display: none !important; }
              body { font-size: 10pt; }
              header, main { max-width: none; padding: 0; }
              .table-wrap { max-height: none; overflow: visible; border: 0; }
              #students { display: table; min-width: 0; width: 100%; border-collapse: collapse; }
              #students caption { display: table-caption; }
              #students thead { display: table-header-group; position: static; }
              #students tbody { display: table-row-group; }
              #students tr { display: table-row; content-visibility: visible; }
              #students tr[hidden] { display: none; }
              #students th, #students td { border-bottom: 1px solid var(--line); }
              tr, .rates li, #top-failures > li { break-inside: avoid; }
              thead button, button.drill { color: var(--text); text-decoration: none; padding: 2px 4px; }
              .track { border: 1px solid var(--muted); }
              .fill, #histogram .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
            }
            """;

    private DashboardStyle() {
    }
}
