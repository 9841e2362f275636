import { css } from 'lit';

/**
 * Printing the host page prints the lesson as a document: its title, the transcript's headings
 * and paragraphs (with their times), and none of the widget's controls. Each shadow root needs
 * its own rules; these are the widget's, the transcript's and the site search box's.
 */
export const widgetPrintStyles = css`
  @media print {
    lesson-player,
    lesson-account,
    lesson-links,
    lesson-course-list,
    .toolbar,
    .notice,
    .error-box,
    dialog {
      display: none !important;
    }
    .title {
      break-after: avoid;
    }
  }
`;

export const transcriptPrintStyles = css`
  @media print {
    .search,
    .foot,
    button,
    [role='status'] {
      display: none !important;
    }
    .scroller.timed {
      max-height: none;
      overflow: visible;
      border: 0;
      padding: 0;
    }
    /* Every paragraph is laid out on paper, not only those near the view. */
    .paragraph {
      content-visibility: visible;
      break-inside: avoid;
    }
    h2,
    h3 {
      break-after: avoid;
    }
    .paragraph p,
    .paragraph p[aria-current='true'] {
      padding: 0;
      background: none;
      box-shadow: none;
    }
    mark,
    mark.current {
      background: none;
      outline: 0;
      color: inherit;
    }
  }
`;

/** The site's search box is a control: not on paper. */
export const searchPrintStyles = css`
  @media print {
    :host {
      display: none !important;
    }
  }
`;
