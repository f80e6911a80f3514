(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('data').textContent);
  const byId = (id) => document.getElementById(id);
  const DASH = '—';
  const MARKS = { passed: '✓', failed: '✗', error: '⚠', timeout: '⏱' };
  const FLAG_MARK = '⚑';
  const steps = data.steps;
  const students = data.students;
  const flagKinds = data.flagKinds;
  const text = (index) => data.strings[index];
  // The SVG namespace comes from an element of the page, so the page spells out no address at all.
  const SVG_NS = byId('histogram').namespaceURI;
  // The bits of a timeline's second entry, from the data (their one source is the grader's RunBit).
  const RUN = data.runBits;

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (content !== undefined && content !== null) {
      node.textContent = String(content);
    }
    return node;
  }

  function svgNode(tag, attributes, content) {
    const created = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) {
      created.setAttribute(name, String(value));
    }
    if (content !== undefined) {
      created.textContent = content;
    }
    return created;
  }

  // Which students' runs to point out, read from the grade files' timelines exactly as written:
  // - serial: in at least one step the timeline has serial true (at least two tasks ran and none
  //   overlapped another);
  // - single-process: in at least one step whose work was meant for a pool (steps[i].pool: square,
  //   complex_square, slow_square) the timeline has single_process true (no task ran outside the main
  //   process and no Process was started). In the queue step that field only says that no Process
  //   was started, so it is not counted there.
  function runKinds(s) {
    let serial = false;
    let singleProcess = false;
    s.timelines.forEach((timeline, i) => {
      if (timeline !== null) {
        serial = serial || (timeline[1] & RUN.serial) !== 0;
        singleProcess = singleProcess || (steps[i].pool && (timeline[1] & RUN.singleProcess) !== 0);
      }
    });
    return { serial, singleProcess };
  }

  const runs = students.map(runKinds);

  function percent(part, whole) {
    return whole > 0 ? Math.round((100 * part) / whole) : 0;
  }

  // The data holds UTC instants such as 2025-03-01T12:34:56Z; minutes are enough to read.
  function formatTime(iso) {
    if (!iso) {
      return DASH;
    }
    return iso.length >= 16 && iso.charAt(10) === 'T' ? iso.slice(0, 10) + ' ' + iso.slice(11, 16) : iso;
  }

  function binLabel(index, count) {
    const low = index * 10;
    return index === count - 1 ? low + '–100' : low + '–' + (low + 9);
  }

  function renderOverview() {
    const o = data.overview;
    byId('stat-students').textContent = o.students;
    byId('stat-submitted').textContent = o.submitted;
    byId('stat-not-submitted').textContent = o.notSubmitted;
    byId('stat-mean').textContent = o.mean === null ? DASH : o.mean.toFixed(1);
    byId('stat-median').textContent = o.median === null ? DASH : o.median.toFixed(1);
    byId('stat-serial').textContent = runs.filter((run) => run.serial || run.singleProcess).length;
    byId('scores-note').textContent = 'Scores, pass rates and failures count the ' + o.graded
      + ' students who submitted and have a grade; scores are in % of the points.';
    byId('generated').textContent = 'Generated ' + formatTime(data.generated) + ' UTC.';
    renderHistogram(o.histogram);
  }

  function renderHistogram(bins) {
    const svg = byId('histogram');
    const width = 640;
    const height = 230;
    const top = 24;
    const bottom = 44;
    const side = 8;
    const slot = (width - 2 * side) / bins.length;
    const most = Math.max(1, ...bins);
    byId('histogram-title').textContent = 'Score histogram, students per band of 10 points: '
      + bins.map((count, i) => binLabel(i, bins.length) + ': ' + count).join('; ') + '.';
    const parts = document.createDocumentFragment();
    bins.forEach((count, i) => {
      const barHeight = Math.round(((height - top - bottom) * count) / most);
      const x = side + i * slot;
      parts.append(svgNode('rect', { class: 'bar', x: x + 4, y: height - bottom - barHeight, width: slot - 8, height: barHeight }));
      parts.append(svgNode('text', { x: x + slot / 2, y: height - bottom - barHeight - 6, 'text-anchor': 'middle' }, String(count)));
      parts.append(svgNode('text', { x: x + slot / 2, y: height - bottom + 16, 'text-anchor': 'middle' }, binLabel(i, bins.length)));
    });
    parts.append(svgNode('line', { class: 'axis', x1: side, x2: width - side, y1: height - bottom, y2: height - bottom }));
    parts.append(svgNode('text', { x: width / 2, y: height - 8, 'text-anchor': 'middle' }, 'score, % of the points'));
    svg.append(parts);
  }

  function rateList(items) {
    const list = el('ul', 'rates');
    for (const item of items) {
      const row = el('li');
      const track = el('span', 'track');
      track.setAttribute('aria-hidden', 'true');
      const fill = el('span', 'fill');
      fill.style.width = percent(item.passed, item.graded) + '%';
      track.append(fill);
      row.append(el('span', 'name', item.name), track,
        el('span', 'value', percent(item.passed, item.graded) + ' % (' + item.passed + ' of ' + item.graded + ')'));
      list.append(row);
    }
    return list;
  }

  function renderSteps() {
    byId('step-rates').append(rateList(steps.map((s) => ({ name: s.title, passed: s.passed, graded: s.graded }))));
    const perTest = byId('test-rates');
    for (const step of steps) {
      perTest.append(el('h4', null, step.title), rateList(step.tests));
    }
    const top = byId('top-failures');
    if (data.topFailures.length === 0) {
      top.hidden = true;
      top.after(el('p', 'muted', 'No graded student failed any test.'));
    }
    for (const failure of data.topFailures) {
      const item = el('li');
      const head = el('p');
      head.append(el('strong', null, failure.test), ' (' + failure.title + '): not passed by ',
        el('span', 'count', failure.notPassed), ' of ' + failure.graded + ' students ('
        + percent(failure.notPassed, failure.graded) + ' %)');
      const messages = el('ul');
      for (const message of failure.messages) {
        const line = el('li');
        line.append(el('span', 'count', message.students + (message.students === 1 ? ' student' : ' students')),
          ': ', el('q', null, message.text));
        messages.append(line);
      }
      item.append(head, messages);
      top.append(item);
    }
  }

  // ---- Students table -------------------------------------------------------------
  const table = byId('students');
  const tbody = table.tBodies[0];
  const filterInput = byId('filter');
  const stepFilter = byId('step-filter');
  const shownCount = byId('shown-count');
  const csvLink = byId('download-csv');
  const columns = [
    { key: 'login', label: 'Login', value: (s) => s.login.toLowerCase() },
    { key: 'score', label: 'Score', numeric: true, value: (s) => s.score },
    ...steps.map((step, i) => ({ key: step.id, label: step.id, numeric: true, value: (s) => s.steps[i] })),
    { key: 'graded', label: 'Last graded (UTC)', value: (s) => s.graded },
    { key: 'flags', label: 'Flags', value: (s) => s.flags.length },
  ];
  const flagText = (flag) => flagKinds[flag[0]].label + ': ' + text(flag[1]);
  const searchText = students.map((s) =>
    [s.login, s.roster || '', ...s.flags.map(flagText)].join(' ').toLowerCase());
  const sort = { key: 'login', direction: 1 };
  let order = students.map((s, i) => i);

  function buildHead() {
    table.style.setProperty('--columns', 'minmax(8rem, 1.4fr) 4.5rem repeat(' + steps.length
      + ', minmax(7rem, 1fr)) 10rem minmax(12rem, 2.2fr)');
    const row = table.tHead.rows[0];
    for (const column of columns) {
      const th = el('th', column.numeric ? 'num' : null);
      th.scope = 'col';
      th.setAttribute('role', 'columnheader');
      const button = el('button');
      button.type = 'button';
      button.dataset.sort = column.key;
      // Step ids such as complex_square may break after an underscore in a narrow column.
      const label = el('span');
      column.label.split('_').forEach((part, i) => {
        if (i > 0) {
          label.append('_', document.createElement('wbr'));
        }
        label.append(part);
      });
      button.append(label);
      const icon = el('span', 'sort-icon');
      icon.setAttribute('aria-hidden', 'true');
      button.append(icon);
      th.append(button);
      row.append(th);
    }
    row.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-sort]');
      if (button) {
        sortBy(button.dataset.sort);
      }
    });
  }

  function cell(content, className) {
    const td = el('td', className, content);
    td.setAttribute('role', 'cell');
    return td;
  }

  function buildRow(s, index) {
    const tr = document.createElement('tr');
    tr.setAttribute('role', 'row');
    tr.dataset.login = s.login;
    tr.dataset.index = String(index);
    const th = el('th');
    th.scope = 'row';
    th.setAttribute('role', 'rowheader');
    const button = el('button', 'drill', s.login);
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'dialog');
    th.append(button);
    tr.append(th, cell(s.score === null ? DASH : s.score, 'num'));
    steps.forEach((step, i) => {
      const score = s.steps[i];
      if (score === null) {
        tr.append(cell(DASH, 'num none'));
      } else if (s.passed[i] === 1) {
        tr.append(cell(MARKS.passed + ' ' + score, 'num full'));
      } else {
        tr.append(cell(score, 'num'));
      }
    });
    tr.append(cell(formatTime(s.graded)));
    const flags = cell(null);
    for (const flag of s.flags) {
      const badge = el('span', 'flag', FLAG_MARK + ' ' + flagKinds[flag[0]].label);
      badge.dataset.flag = flagKinds[flag[0]].id;
      flags.append(badge);
    }
    tr.append(flags);
    return tr;
  }

  const rows = students.map(buildRow);

  function compare(a, b, direction) {
    const aMissing = a === null || a === undefined;
    const bMissing = b === null || b === undefined;
    if (aMissing || bMissing) {
      return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
    }
    return direction * (a < b ? -1 : a > b ? 1 : 0);
  }

  function placeRows() {
    const ordered = document.createDocumentFragment();
    for (const index of order) {
      ordered.append(rows[index]);
    }
    tbody.append(ordered);
  }

  function sortBy(key) {
    const column = columns.find((c) => c.key === key);
    if (!column) {
      return;
    }
    sort.direction = sort.key === key ? -sort.direction : 1;
    sort.key = key;
    const values = students.map(column.value);
    // Missing values stay last either way; equal values keep login order.
    order = students.map((s, i) => i).sort((a, b) => compare(values[a], values[b], sort.direction) || a - b);
    placeRows();
    markSorted();
    updateCsvLink();
  }

  function markSorted() {
    for (const th of table.tHead.rows[0].cells) {
      const button = th.querySelector('button');
      const sorted = button.dataset.sort === sort.key;
      if (sorted) {
        th.setAttribute('aria-sort', sort.direction === 1 ? 'ascending' : 'descending');
      } else {
        th.removeAttribute('aria-sort');
      }
      button.querySelector('.sort-icon').textContent = sorted ? (sort.direction === 1 ? '▲' : '▼') : '';
    }
  }

  function buildStepFilter() {
    const option = (value, label) => {
      const created = el('option', null, label);
      created.value = value;
      return created;
    };
    stepFilter.append(option('all', 'All students'), option('any-flag', 'Any flag'));
    const byFlag = el('optgroup');
    byFlag.label = 'By flag';
    for (const kind of flagKinds) {
      byFlag.append(option('flag:' + kind.id, 'Flag: ' + kind.label));
    }
    const byStep = el('optgroup');
    byStep.label = 'By step';
    for (const step of steps) {
      byStep.append(option('passed:' + step.id, step.title + ': passed'),
        option('not-passed:' + step.id, step.title + ': not passed'));
    }
    const byRun = el('optgroup');
    byRun.label = 'By run timeline';
    byRun.append(option('timeline:serial', 'Runs: serial in some step'),
      option('timeline:single-process', 'Runs: single-process where a pool was expected'),
      option('timeline:either', 'Runs: serial or single-process'));
    stepFilter.append(byFlag, byStep, byRun);
  }

  function stepFilterTest() {
    const value = stepFilter.value;
    const colon = value.indexOf(':');
    const kind = colon < 0 ? value : value.slice(0, colon);
    const argument = colon < 0 ? '' : value.slice(colon + 1);
    const stepIndex = steps.findIndex((step) => step.id === argument);
    switch (kind) {
      case 'any-flag':
        return (s) => s.flags.length > 0;
      case 'flag': {
        const flagIndex = flagKinds.findIndex((k) => k.id === argument);
        return (s) => s.flags.some((flag) => flag[0] === flagIndex);
      }
      case 'passed':
        return (s) => s.passed[stepIndex] === 1;
      case 'not-passed':
        return (s) => s.passed[stepIndex] !== 1;
      case 'timeline':
        return (s, i) => argument === 'serial' ? runs[i].serial
          : argument === 'single-process' ? runs[i].singleProcess
            : runs[i].serial || runs[i].singleProcess;
      default:
        return () => true;
    }
  }

  function applyFilter() {
    const query = filterInput.value.trim().toLowerCase();
    const passesStep = stepFilterTest();
    let shown = 0;
    for (let i = 0; i < rows.length; i++) {
      const show = (query === '' || searchText[i].includes(query)) && passesStep(students[i], i);
      if (rows[i].hidden === show) {
        rows[i].hidden = !show;
      }
      shown += show ? 1 : 0;
    }
    shownCount.textContent = shown + ' of ' + rows.length + ' students shown';
    updateCsvLink();
  }

  // ---- CSV download -------------------------------------------------------------
  function csvCell(value) {
    let cellText = value === null || value === undefined ? '' : String(value);
    // A spreadsheet would run a cell that starts like a formula; a leading quote keeps it text.
    if (/^[=+\-@\t\r]/.test(cellText)) {
      cellText = "'" + cellText;
    }
    if (/[",\r\n]/.test(cellText)) {
      cellText = '"' + cellText.replace(/"/g, '""') + '"';
    }
    return cellText;
  }

  function csvText() {
    const lines = [['login', 'score', ...steps.map((step) => step.id), 'last_graded', 'flags'].map(csvCell).join(',')];
    for (const index of order) {
      if (rows[index].hidden) {
        continue;
      }
      const s = students[index];
      lines.push([s.login, s.score, ...s.steps, s.graded, s.flags.map(flagText).join('; ')].map(csvCell).join(','));
    }
    return lines.join('\r\n') + '\r\n';
  }

  function updateCsvLink() {
    // A byte order mark tells spreadsheet programs the file is UTF-8.
    csvLink.href = 'data:text/csv;charset=utf-8,' + encodeURIComponent(String.fromCharCode(0xfeff) + csvText());
  }

  // ---- Drill-down -----------------------------------------------------------------
  const dialog = byId('detail');
  const detailBody = byId('detail-body');
  let opener = null;

  function fact(list, term, value) {
    if (value === null || value === undefined || value === '') {
      return;
    }
    list.append(el('dt', null, term));
    const dd = el('dd');
    dd.append(value);
    list.append(dd);
  }

  function repositoryLink(repository) {
    try {
      if (new URL(repository).protocol === 'https:') {
        const link = el('a', null, repository);
        link.href = repository;
        link.rel = 'noopener noreferrer';
        link.target = '_blank';
        return link;
      }
    } catch {
      // A plain repository name: shown as text.
    }
    return repository;
  }

  function seconds(ms, decimals) {
    return (ms / 1000).toFixed(decimals);
  }

  // Axis ticks 1, 2 or 5 times a power of ten apart, at most eight of them over the run.
  function tickStep(endMs) {
    for (let power = 1; ; power *= 10) {
      const fits = [1, 2, 5].find((factor) => endMs / (factor * power) <= 8);
      if (fits !== undefined) {
        return fits * power;
      }
    }
  }

  // One step's run: a row per lane, a bar per task, seconds along the bottom. Drawn from the data's
  // numbers with DOM calls only; lane names and the verdict go in as text.
  function timelineFigure(step, timeline) {
    const [verdictIndex, bits, laneSet, tasks, spanMs, flat] = timeline;
    const lanes = data.laneSets[laneSet];
    const verdict = text(verdictIndex);
    const bars = [];
    let start = 0;
    for (let k = 0; k + 2 < flat.length; k += 3) {
      start += flat[k + 1];
      bars.push({ lane: flat[k], start, end: start + flat[k + 2] });
    }
    const notDrawn = (bits & RUN.truncated) !== 0 ? Math.max(0, tasks - bars.length) : 0;
    const endMs = Math.max(1, spanMs, ...bars.map((bar) => bar.end));
    const width = 640;
    const label = 88;
    const right = 16;
    const row = 18;
    const top = 4;
    const axis = 24;
    const height = top + lanes.length * row + axis;
    const scale = (width - label - right) / endMs;
    const svg = svgNode('svg', { class: 'timeline', 'data-step': step.id, viewBox: '0 0 ' + width + ' ' + height,
      role: 'img', 'aria-label': 'Run timeline of ' + step.title + ': ' + verdict
        + (notDrawn > 0 ? ' ' + notDrawn + ' more tasks not drawn.' : '') });
    lanes.forEach((name, i) => {
      const middle = top + i * row + row / 2;
      svg.append(svgNode('text', { class: 'lane', x: label - 6, y: middle + 4, 'text-anchor': 'end' }, name),
        svgNode('line', { class: 'guide', x1: label, x2: width - right, y1: middle, y2: middle }));
    });
    const every = tickStep(endMs);
    // As many decimals as the ticks need: 0.5 s apart needs one, 0.05 s two.
    const decimals = Math.max(0, 3 - Math.floor(Math.log10(every)));
    for (const bar of bars) {
      const rect = svgNode('rect', { class: 'bar', x: label + bar.start * scale, y: top + bar.lane * row + 3,
        width: Math.max(1, (bar.end - bar.start) * scale), height: row - 6 });
      rect.append(svgNode('title', {}, (lanes[bar.lane] ?? 'lane ' + bar.lane) + ': '
        + seconds(bar.start, 3) + '–' + seconds(bar.end, 3) + ' s'));
      svg.append(rect);
    }
    const baseline = top + lanes.length * row;
    svg.append(svgNode('line', { class: 'axis', x1: label, x2: width - right, y1: baseline, y2: baseline }));
    for (let tick = 0; tick <= endMs; tick += every) {
      const x = label + tick * scale;
      svg.append(svgNode('line', { class: 'axis', x1: x, x2: x, y1: baseline, y2: baseline + 4 }),
        svgNode('text', { class: 'tick', x, y: baseline + 16, 'text-anchor': 'middle' }, seconds(tick, decimals) + ' s'));
    }
    const figure = el('figure', 'run');
    figure.append(el('p', null, verdict), svg);
    if (notDrawn > 0) {
      figure.append(el('p', 'muted', notDrawn + ' more tasks not drawn: the timeline page in the student’s grade report shows them all.'));
    }
    return figure;
  }

  function openDetail(index, button) {
    const s = students[index];
    opener = button;
    byId('detail-title').textContent = s.login;
    const parts = document.createDocumentFragment();
    const facts = el('dl', 'facts');
    fact(facts, 'Score', s.score === null ? 'no grade file' : s.score + ' / ' + s.max);
    fact(facts, 'Last graded', s.graded ? formatTime(s.graded) + ' UTC' : null);
    fact(facts, 'Repository', s.repository ? repositoryLink(s.repository) : null);
    fact(facts, 'Commit', s.commit);
    fact(facts, 'Roster identifier', s.roster);
    fact(facts, 'Classroom points', s.classroomPoints);
    parts.append(facts);
    if (s.flags.length > 0) {
      parts.append(el('h3', null, 'Flags'));
      const list = el('ul');
      for (const flag of s.flags) {
        const item = el('li');
        item.append(el('strong', null, FLAG_MARK + ' ' + flagKinds[flag[0]].label), ': ' + text(flag[1]));
        list.append(item);
      }
      parts.append(list);
    }
    if (s.score === null) {
      parts.append(el('p', 'muted', 'There is no grade file, so no test results to show.'));
    }
    steps.forEach((step, i) => {
      const tests = s.tests[i];
      if (s.score === null) {
        return;
      }
      parts.append(el('h3', null, step.title + ': ' + (tests === null ? 'no grade' : s.steps[i] + ' / ' + step.max)));
      if (s.timelines[i] !== null) {
        parts.append(timelineFigure(step, s.timelines[i]));
      }
      if (tests === null) {
        return;
      }
      const list = el('ol', 'tests');
      tests.forEach((entry, j) => {
        if (entry === null) {
          return;
        }
        const status = data.statuses[Array.isArray(entry) ? entry[0] : entry];
        const item = el('li');
        item.dataset.status = status;
        item.append(el('span', 'status', MARKS[status] + ' ' + status), ' ' + step.tests[j].name);
        if (Array.isArray(entry)) {
          item.append(el('div', 'message', text(entry[1])));
        }
        list.append(item);
      });
      parts.append(list);
    });
    detailBody.replaceChildren(parts);
    dialog.showModal();
  }

  tbody.addEventListener('click', (event) => {
    const button = event.target.closest('button.drill');
    if (button) {
      openDetail(Number(button.closest('tr').dataset.index), button);
    }
  });
  byId('detail-close').addEventListener('click', () => dialog.close());
  // A click on the backdrop lands on the dialog itself, as its content fills it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      dialog.close();
    }
  });
  dialog.addEventListener('close', () => {
    if (opener && opener.isConnected) {
      opener.focus();
    }
  });

  renderOverview();
  renderSteps();
  buildHead();
  buildStepFilter();
  placeRows();
  markSorted();
  filterInput.addEventListener('input', applyFilter);
  stepFilter.addEventListener('change', applyFilter);
  applyFilter();
})();
