// The student's analytics: draws each chart from its own table (so the chart and the table always agree), and lets
// the student switch between them with a button. Without this script the tables show; with it, the charts do, and
// each chart can take keyboard focus, with its title and summary as its accessible name and description.
(function () {
  'use strict';
  // Colours with at least 4.5:1 against white (WCAG 2.2, 1.4.11 asks 3:1 for graphics); the second series is also
  // a dashed line with triangles, and the legend names both, so colour is never the only cue.
  var SOLID = '#1d4ed8';
  var SECOND = '#9a3412';
  var THIRD = '#166534';

  function loadChartLibrary(main, then) {
    if (window.Chart) { then(); return; }
    var existing = document.querySelector('script[data-chart-library]');
    if (existing) { existing.addEventListener('load', then); return; }
    var script = document.createElement('script');
    script.src = main.getAttribute('data-chart-script');
    script.setAttribute('data-chart-library', '');
    script.addEventListener('load', then);
    document.head.appendChild(script);
  }

  function tableData(table) {
    var series = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(1).map(function (th) {
      return th.textContent.trim();
    });
    var labels = [];
    var values = series.map(function () { return []; });
    table.querySelectorAll('tbody tr').forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      row.querySelectorAll('td').forEach(function (cell, index) {
        values[index].push(parseFloat(cell.getAttribute('data-value')));
      });
    });
    return { labels: labels, series: series, values: values };
  }

  function draw(figure) {
    if (figure.hasAttribute('data-drawn')) { return; }
    var table = figure.querySelector('table.chart-table');
    var view = figure.querySelector('.chart-view');
    var toggle = figure.querySelector('.chart-toggle');
    if (!table || !view || !toggle) { return; }
    figure.setAttribute('data-drawn', '');
    var data = tableData(table);
    var datasets = [{
      type: 'bar', label: data.series[0], data: data.values[0],
      backgroundColor: SOLID, borderColor: SOLID, borderWidth: 1, yAxisID: 'y'
    }];
    var scales = { y: { beginAtZero: true, ticks: { precision: 0, color: '#1f2933' }, title: { display: true, text: data.series[0], color: '#1f2933' } },
                   x: { ticks: { color: '#1f2933' } } };
    if (data.series.length > 1) {
      datasets.push({
        type: 'line', label: data.series[1], data: data.values[1], borderColor: SECOND, backgroundColor: SECOND,
        borderDash: [6, 4], borderWidth: 2, pointStyle: 'triangle', pointRadius: 5, yAxisID: 'y1'
      });
      scales.y1 = { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false },
                    ticks: { color: '#1f2933' }, title: { display: true, text: data.series[1], color: '#1f2933' } };
    }
    if (figure.getAttribute('data-chart') === 'checkins') {
      // Three answers on one 1-5 scale: three lines, each with its own dash and point shape besides its colour.
      var styles = [[SOLID, [], 'circle'], [SECOND, [6, 4], 'triangle'], [THIRD, [2, 3], 'rect']];
      datasets = data.series.map(function (label, index) {
        return { type: 'line', label: label, data: data.values[index], borderColor: styles[index][0],
                 backgroundColor: styles[index][0], borderDash: styles[index][1], borderWidth: 2,
                 pointStyle: styles[index][2], pointRadius: 5 };
      });
      scales = { y: { min: 1, max: 5, ticks: { stepSize: 1, color: '#1f2933' } }, x: { ticks: { color: '#1f2933' } } };
    }
    var horizontal = ['weeks', 'checkins'].indexOf(figure.getAttribute('data-chart')) < 0;
    new window.Chart(view.querySelector('canvas'), {
      data: { labels: data.labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: data.series.length > 1, labels: { usePointStyle: true, color: '#1f2933' } } },
        scales: horizontal ? { x: scales.y, y: scales.x } : scales
      }
    });
    if (horizontal) { view.style.height = Math.max(8, data.labels.length * 2.2 + 4) + 'rem'; }
    var tableBox = document.getElementById(toggle.getAttribute('aria-controls'));
    function show(tableShown) {
      tableBox.hidden = !tableShown;
      view.hidden = tableShown;
      toggle.setAttribute('aria-expanded', tableShown ? 'true' : 'false');
      toggle.textContent = toggle.getAttribute(tableShown ? 'data-show-chart' : 'data-show-table');
    }
    toggle.hidden = false;
    show(false);
    toggle.addEventListener('click', function () {
      show(tableBox.hidden);
      (tableBox.hidden ? view : tableBox.querySelector('table')).focus();
    });
    tableBox.querySelector('table').setAttribute('tabindex', '-1');
  }

  function drawAll() {
    var main = document.querySelector('main.insights-page[data-chart-script]');
    if (!main) { return; }
    loadChartLibrary(main, function () {
      main.querySelectorAll('figure.chart[data-chart]').forEach(draw);
    });
  }

  if (!window.leerlogInsights) {
    window.leerlogInsights = true;
    document.addEventListener('htmx:afterSettle', drawAll);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
