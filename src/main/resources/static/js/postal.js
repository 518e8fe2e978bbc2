// Fills the address from the postal code: once seven digits are typed (full-width too), Japan Post's
// 都道府県, 市区町村 and 町域 go into the boxes still empty. What a person typed is never overwritten.
(function () {
  'use strict';
  const url = document.currentScript.dataset.url;
  document.querySelectorAll('input[name=postalCode]').forEach(input => {
    let asked = '';
    input.addEventListener('input', async () => {
      const digits = input.value.normalize('NFKC').replace(/[^0-9]/g, '');
      if (digits.length !== 7 || digits === asked) {
        return;
      }
      asked = digits;
      const response = await fetch(url + digits, {headers: {'Accept': 'application/json'}});
      if (!response.ok) {
        return;
      }
      const place = await response.json();
      for (const [name, value] of [['prefecture', place.prefecture], ['city', place.city], ['town', place.town]]) {
        const box = input.form.querySelector('[name=' + name + ']');
        if (box && value && !box.value.trim()) {
          box.value = value;
        }
      }
    });
  });
}());
