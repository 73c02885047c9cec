// The coverage page's bar chart of the child regions' rates (data in #chart's data-names/data-rates).
(function () {
  var el = document.getElementById('chart');
  if (!el || !window.echarts) { return; }
  var names = el.dataset.names.split('|');
  var rates = el.dataset.rates.split('|').map(function (r) { return Math.round(parseFloat(r) * 1000) / 10; });
  echarts.init(el).setOption({
    grid: { left: 40, right: 10, top: 10, bottom: 60 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'bar', data: rates, itemStyle: { color: '#b71c1c' } }]
  });
})();
