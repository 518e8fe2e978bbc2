// The purchase screen at the counter: lines fill themselves from the product code, the total follows
// every keystroke, and Enter moves on instead of submitting, so a practised clerk never needs the mouse.
(function () {
  'use strict';
  const form = document.getElementById('purchase-form');
  if (!form) {
    return;
  }
  const yen = new Intl.NumberFormat('ja-JP');
  const rows = () => Array.from(form.querySelectorAll('tr.line'));
  let pickFirstCustomer = false;

  function number(text, fallback) {
    const plain = (text || '').normalize('NFKC').replace(/[¥,円\s]/g, '');
    if (plain === '') {
      return fallback;
    }
    return /^-?\d+$/.test(plain) ? Number(plain) : NaN;
  }

  function recompute() {
    let total = 0;
    rows().forEach(row => {
      const cell = row.querySelector('.line-amount');
      const code = row.querySelector('.line-code').value.trim();
      const amount = number(row.querySelector('.line-qty').value, 1) * number(row.querySelector('.line-price').value, NaN)
          - number(row.querySelector('.line-discount').value, 0);
      if (!code || Number.isNaN(amount)) {
        cell.textContent = '';
        return;
      }
      cell.textContent = '¥' + yen.format(amount);
      total += amount;
    });
    document.getElementById('total').textContent = '¥' + yen.format(total);
  }

  async function lookUp(row) {
    const input = row.querySelector('.line-code');
    const code = input.value.trim();
    if (!code) {
      return false;
    }
    const response = await fetch(form.dataset.productUrl + '?code=' + encodeURIComponent(code),
        {headers: {'Accept': 'application/json'}});
    const name = row.querySelector('.line-name');
    if (!response.ok) {
      row.classList.add('unknown');
      name.textContent = form.dataset.unknownText;
      return false;
    }
    const product = await response.json();
    row.classList.remove('unknown');
    input.value = product.code;
    name.textContent = product.name + (product.modelId ? ' ' + form.dataset.modelText : '');
    const price = row.querySelector('.line-price');
    if (!price.value) {
      price.value = product.price;
    }
    recompute();
    return true;
  }

  function addRow() {
    const all = rows();
    const last = all[all.length - 1];
    const index = all.length;
    const row = last.cloneNode(true);
    row.classList.remove('unknown');
    row.querySelectorAll('input').forEach(input => {
      input.name = input.name.replace(/lines\[\d+]/, 'lines[' + index + ']');
      input.id = input.id.replace(/lines\d+/, 'lines' + index);
      input.value = '';
      input.removeAttribute('aria-invalid');
    });
    row.querySelectorAll('.error').forEach(error => error.remove());
    row.querySelectorAll('.has-error').forEach(cell => cell.classList.remove('has-error'));
    row.querySelector('.line-name').textContent = '';
    row.querySelector('.line-amount').textContent = '';
    last.after(row);
    return row;
  }

  function nextRow(row) {
    const all = rows();
    const at = all.indexOf(row);
    return at === all.length - 1 ? addRow() : all[at + 1];
  }

  form.addEventListener('keydown', async event => {
    if (event.key !== 'Enter' || event.isComposing) {
      return;
    }
    const target = event.target;
    if (target.classList.contains('line-code')) {
      event.preventDefault();
      const row = target.closest('tr.line');
      if (!target.value.trim()) {
        document.getElementById('save-purchase').focus();
      } else if (await lookUp(row)) {
        nextRow(row).querySelector('.line-code').focus();
      }
    } else if (target.matches('.line-qty, .line-price, .line-discount')) {
      event.preventDefault();
      recompute();
      nextRow(target.closest('tr.line')).querySelector('.line-code').focus();
    } else if (target.id === 'customer-q') {
      event.preventDefault();
      const first = document.querySelector('#picker-results .pick');
      if (first && !target.classList.contains('htmx-request')) {
        first.click();
      } else {
        pickFirstCustomer = true;
      }
    }
  });

  form.addEventListener('change', event => {
    if (event.target.classList.contains('line-code')) {
      lookUp(event.target.closest('tr.line'));
    } else {
      recompute();
    }
  });

  let suggestTimer;
  form.addEventListener('input', event => {
    if (event.target.matches('.line-qty, .line-price, .line-discount')) {
      recompute();
    }
    if (event.target.classList.contains('line-code')) {
      const term = event.target.value;
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(async () => {
        if (!term.trim()) {
          return;
        }
        const response = await fetch(form.dataset.productsUrl + '?q=' + encodeURIComponent(term),
            {headers: {'Accept': 'application/json'}});
        if (!response.ok) {
          return;
        }
        const products = await response.json();
        document.getElementById('product-options').replaceChildren(...products.map(product => {
          const option = document.createElement('option');
          option.value = product.code;
          option.label = product.name + ' ¥' + yen.format(product.price);
          return option;
        }));
      }, 150);
    }
  });

  document.getElementById('add-line').addEventListener('click', () => addRow().querySelector('.line-code').focus());

  document.body.addEventListener('htmx:afterSwap', event => {
    // after an outerHTML swap the event's target is the element that was replaced; its id still tells which
    const swapped = (event.detail && event.detail.target && event.detail.target.id) || event.target.id;
    if (swapped === 'picker-results' && pickFirstCustomer) {
      pickFirstCustomer = false;
      const first = document.querySelector('#picker-results .pick');
      if (first) {
        first.click();
      }
    }
    if (swapped === 'customer-slot' && document.querySelector('#customer-slot input[name=customerId]').value) {
      document.getElementById('picker-results').replaceChildren();
      document.getElementById('customer-q').value = '';
      form.querySelector('.line-code').focus();
    }
  });

  // One purchase per press of the button, however quickly it is pressed twice (the server also
  // refuses a second purchase with the same client key).
  form.addEventListener('submit', () => {
    setTimeout(() => { document.getElementById('save-purchase').disabled = true; }, 0);
  });

  recompute();
}());
