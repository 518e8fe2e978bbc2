// On a phone a wide list is read one row at a time: a table marked "cards" becomes a card per row (joren.css),
// each cell headed by its column's name, taken here from the table's own header so a template says it once.
// A header cell marked data-card-title heads the card instead (a question's number and text).
// Filters marked fold-on-phone start folded there, so the list itself is on the first screen.
(function () {
  function headings(table) {
    var names = [];
    table.querySelectorAll('thead tr:last-child th').forEach(function (th) {
      for (var i = 0; i < (th.colSpan || 1); i++) {
        names.push(th.hasAttribute('data-card-title') ? '' : th.textContent.trim());
      }
    });
    return names;
  }

  function label(root) {
    root.querySelectorAll('table.cards').forEach(function (table) {
      var names = headings(table);
      table.querySelectorAll('tbody tr').forEach(function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (!cell.hasAttribute('data-label')) {
            cell.setAttribute('data-label', names[column] || '');
          }
          column += cell.colSpan || 1;
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    label(document);
    if (window.matchMedia('(max-width: 600px)').matches) {
      document.querySelectorAll('details.fold-on-phone').forEach(function (fold) { fold.open = false; });
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) { label(event.target); });
})();
