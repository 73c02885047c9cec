// The dashboard's charts: a sparkline per figure (its trend) and a bar chart of the regions below
// (reports in of expected; a bar opens that region's dashboard). Drawn again after every refresh.
(function () {
  // a chart follows its box (a phone turned, a window resized, the layout settling after load)
  function init(el) {
    var chart = echarts.init(el);
    if (window.ResizeObserver) { new ResizeObserver(function () { chart.resize(); }).observe(el); }
    return chart;
  }
  function draw() {
    if (!window.echarts) { return; }
    document.querySelectorAll('#dashboard-live .sparkline').forEach(function (el) {
      var values = el.dataset.values ? el.dataset.values.split('|').map(Number) : [];
      var dates = el.dataset.dates ? el.dataset.dates.split('|') : [];
      init(el).setOption({
        animation: false, grid: { left: 2, right: 2, top: 4, bottom: 2 },
        xAxis: { type: 'category', show: false, data: dates }, yAxis: { type: 'value', show: false },
        tooltip: { trigger: 'axis' },
        series: [{ type: 'line', data: values, symbol: values.length < 2 ? 'circle' : 'none',
          itemStyle: { color: '#b71c1c' }, lineStyle: { color: '#b71c1c' }, areaStyle: { color: 'rgba(183,28,28,.12)' } }]
      });
    });
    var chart = document.getElementById('dashboard-chart');
    if (!chart) { return; }
    var codes = chart.dataset.codes.split('|');
    var bars = init(chart);
    bars.setOption({
      animation: false, grid: { left: 40, right: 10, top: 30, bottom: 60 },
      legend: { data: [chart.dataset.labelSubmitted, chart.dataset.labelExpected] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: chart.dataset.names.split('|'), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' },
      series: [
        { name: chart.dataset.labelExpected, type: 'bar', data: chart.dataset.expected.split('|').map(Number), itemStyle: { color: '#d7ccc8' } },
        { name: chart.dataset.labelSubmitted, type: 'bar', data: chart.dataset.submitted.split('|').map(Number), itemStyle: { color: '#b71c1c' } }
      ]
    });
    bars.on('click', function (p) { window.location.href = '/dashboard?region=' + encodeURIComponent(codes[p.dataIndex]); });
  }
  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', function (e) {
    if (e.target && e.target.id === 'dashboard-live') { draw(); }
  });
})();
