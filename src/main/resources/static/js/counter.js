// The purchase screen at the counter, built for a barcode scanner (a whole code and Enter in 20–50 ms) and
// for a clerk who types ahead. Enter hands what it ends to its box and moves the caret on at once; the
// lookup answers into that box later. So no key ever waits for the network or lands in the wrong box,
// whatever the speed. A code that cannot be resolved stays on its line with the problem, and the sale is
// saved only once every line and the customer are settled and on the screen.
(function () {
  'use strict';
  const form = document.getElementById('purchase-form');
  if (!form) {
    return;
  }
  const yen = new Intl.NumberFormat('ja-JP');
  const rows = () => Array.from(form.querySelectorAll('tr.line'));
  const customerBox = document.getElementById('customer-q');
  const couponBox = document.getElementById('couponCode');
  const saveButton = document.getElementById('save-purchase');
  const problemBox = document.getElementById('counter-problems');
  const json = {headers: {'Accept': 'application/json'}};

  let inFlight = 0;           // lookups sent and not answered yet
  let saveWhenSettled = false; // Save was asked for while a lookup was out
  let submitting = false;
  let customerAsk = 0;        // the newest customer search; older answers are dropped
  let customerTimer;
  let coupon = {discount: 0, problem: null};
  let previewAsk = 0;         // the newest coupon preview; older answers are dropped

  const format = (pattern, value) => pattern.replace('{0}', value);

  function number(text, fallback) {
    const plain = (text || '').normalize('NFKC').replace(/[¥,円\s]/g, '');
    if (plain === '') {
      return fallback;
    }
    return /^-?\d+$/.test(plain) ? Number(plain) : NaN;
  }

  /** Counts a lookup in flight; when the last one answers, a Save asked for meanwhile goes ahead. */
  function track(promise) {
    inFlight++;
    return promise.finally(() => {
      inFlight--;
      if (inFlight === 0) {
        recompute();
        if (saveWhenSettled) {
          saveWhenSettled = false;
          save();
        }
      }
    });
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
    document.getElementById('total').textContent = '¥' + yen.format(total - coupon.discount);
  }

  // ---- lines ----

  function lookUp(row) {
    const input = row.querySelector('.line-code');
    const code = input.value.trim();
    if (!code || row.dataset.asked === code) {
      return;
    }
    row.dataset.asked = code;
    row.classList.remove('unknown');
    row.classList.add('looking');
    row.querySelector('.line-name').textContent = form.dataset.lookingText;
    track(fetch(form.dataset.scanUrl + '?code=' + encodeURIComponent(code), json)
        .then(async response => {
          if (row.dataset.asked !== code) {
            return; // the clerk changed the code meanwhile; that change asked again
          }
          row.classList.remove('looking');
          if (!response.ok) {
            unknown(row, form.dataset.unknownText);
            return;
          }
          const found = await response.json();
          if (found.coupon) {
            moveToCoupon(row, found.coupon, found.couponCustomerId);
          } else {
            fill(row, found.product);
          }
        })
        .catch(() => {
          row.dataset.asked = '';
          row.classList.remove('looking');
          unknown(row, form.dataset.offlineText);
        }));
  }

  function unknown(row, text) {
    row.classList.add('unknown');
    row.classList.remove('department');
    row.querySelector('.line-name').textContent = text + (departmentChoice ? ' ' + form.dataset.sellAsDepartmentText : '');
  }

  function fill(row, product) {
    row.classList.remove('unknown');
    row.classList.toggle('department', product.department);
    row.querySelector('.line-code').value = product.code;
    row.dataset.asked = product.code;
    row.querySelector('.line-name').textContent = product.name
        + (product.department ? ' ' + form.dataset.departmentText : product.modelId ? ' ' + form.dataset.modelText : '');
    row.querySelector('.line-note').hidden = !product.department;
    const price = row.querySelector('.line-price');
    // a department without a default price is priced by the clerk: never a silent ¥0
    if (!price.value && !(product.department && product.price === 0)) {
      price.value = product.price;
    }
    if (product.department) {
      const at = document.activeElement;
      // the clerk's next keys belong to this line unless they have already typed ahead into another
      if (row.contains(at) || (at.classList.contains('line-code') && !at.value)) {
        price.focus();
        price.select();
      }
    }
    recompute();
    previewCoupon();
  }

  /** The shop's departments as buttons to pick from, or null when it has none. */
  const departmentChoice = document.getElementById('department-choice')
      && document.getElementById('department-choice').content.querySelector('button')
      ? document.getElementById('department-choice') : null;

  /** Offers the departments on an unknown line: Enter (or a tap) on one sells the item as that department. */
  function offerDepartments(row) {
    if (!departmentChoice || !row) {
      return;
    }
    const choices = departmentChoice.content.firstElementChild.cloneNode(true);
    row.querySelector('.line-name').replaceChildren(choices);
    choices.querySelector('button').focus();
  }

  /** What the scanner read stays on the line as its note; the line becomes the chosen department. */
  function sellAsDepartment(row, departmentCode) {
    const code = row.querySelector('.line-code');
    const note = row.querySelector('.line-note');
    if (!note.value.trim()) {
      note.value = code.value.trim();
    }
    code.value = departmentCode;
    row.querySelector('.line-name').textContent = '';
    code.focus();
    lookUp(row);
  }

  function sellDepartment(code) {
    const input = firstEmptyCode();
    input.value = code;
    input.focus();
    lookUp(input.closest('tr.line'));
  }

  /**
   * A coupon scanned into a line is the sale's coupon: it moves, visibly, to the coupon box, and when no one
   * is chosen yet its customer is (the coupon names them; a clerk who chose someone else is not overruled).
   */
  function moveToCoupon(row, code, customerId) {
    if (row) {
      row.querySelector('.line-code').value = '';
      row.querySelector('.line-name').textContent = '';
      row.dataset.asked = '';
    }
    if (couponBox) {
      couponBox.value = code;
      previewCoupon();
    }
    const chosen = document.querySelector('#customer-slot input[name=customerId]');
    if (customerId && !chosen.value && !customerBox.value.trim()) {
      pick(customerId, false);
    }
  }

  function addRow() {
    const all = rows();
    const last = all[all.length - 1];
    const index = all.length;
    const row = last.cloneNode(true);
    row.classList.remove('unknown', 'looking', 'department');
    delete row.dataset.asked;
    row.querySelector('.line-note').hidden = true;
    row.querySelectorAll('.line-departments').forEach(choices => choices.remove());
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

  function nextCode(row) {
    const all = rows();
    const at = all.indexOf(row);
    return (at === all.length - 1 ? addRow() : all[at + 1]).querySelector('.line-code');
  }

  function firstEmptyCode() {
    const empty = rows().find(row => !row.querySelector('.line-code').value.trim());
    return (empty || addRow()).querySelector('.line-code');
  }

  // ---- the customer ----

  function searchCustomers(term, pickTheOnlyOne) {
    clearTimeout(customerTimer);
    const asked = ++customerAsk;
    const request = fetch(form.dataset.customersUrl + '?q=' + encodeURIComponent(term))
        .then(response => response.text())
        .then(html => {
          if (asked !== customerAsk) {
            return;
          }
          const results = replace('picker-results', html);
          const picks = results.querySelectorAll('.pick');
          if (pickTheOnlyOne && picks.length === 1) {
            pick(picks[0].dataset.customerId, false);
          } else if (pickTheOnlyOne && picks.length > 1) {
            results.insertAdjacentHTML('afterbegin', '<p class="needs-choice" role="alert"></p>');
            results.firstElementChild.textContent = format(form.dataset.severalText, picks.length);
          } else if (pickTheOnlyOne) {
            return couponInCustomerBox(term);
          }
        });
    return pickTheOnlyOne ? track(request) : request;
  }

  /** No one found: perhaps the customer showed their coupon first; it names them. */
  function couponInCustomerBox(term) {
    return fetch(form.dataset.scanUrl + '?code=' + encodeURIComponent(term), json)
        .then(response => response.ok ? response.json() : null)
        .then(found => {
          if (found && found.coupon && customerBox.value.trim() === term) {
            customerBox.value = '';
            document.getElementById('picker-results').replaceChildren();
            moveToCoupon(null, found.coupon, found.couponCustomerId);
          }
        });
  }

  function pick(id, moveOn) {
    customerAsk++; // whatever search is still out no longer matters
    clearTimeout(customerTimer);
    const url = form.dataset.customerUrl + (id ? '?id=' + encodeURIComponent(id) : '');
    track(fetch(url).then(response => response.text()).then(html => {
      replace('customer-slot', html);
      customerBox.value = '';
      document.getElementById('picker-results').replaceChildren();
      previewCoupon(); // whose coupon it is may have changed
      if (moveOn) {
        firstEmptyCode().focus();
      }
    }));
  }

  function replace(id, html) {
    const template = document.createElement('template');
    template.innerHTML = html.trim();
    const fresh = template.content.firstElementChild;
    document.getElementById(id).replaceWith(fresh);
    return fresh;
  }

  // ---- the coupon ----

  function previewCoupon() {
    if (!couponBox || !couponBox.value.trim()) {
      previewAsk++;
      showCoupon({discount: 0, problem: null, text: ''});
      return;
    }
    const asked = ++previewAsk;
    track(fetch(form.dataset.previewUrl, {method: 'POST', body: new FormData(form), headers: json.headers})
        .then(response => response.ok ? response.json() : null)
        .then(answer => {
          if (answer && asked === previewAsk) {
            showCoupon(answer);
          }
        }));
  }

  function showCoupon(answer) {
    coupon = {discount: answer.discount || 0, problem: answer.problem};
    const out = document.getElementById('coupon-result');
    if (out) {
      out.textContent = answer.problem || answer.text || '';
      out.classList.toggle('error', !!answer.problem);
    }
    recompute();
  }

  // ---- saving ----

  function problems() {
    const found = [];
    const term = customerBox.value.trim();
    if (term) {
      found.push({text: format(form.dataset.customerUnsettledText, term), at: customerBox});
    }
    rows().filter(row => row.classList.contains('unknown')).forEach(row => {
      const input = row.querySelector('.line-code');
      found.push({text: format(form.dataset.lineUnknownText, input.value.trim()), at: input});
    });
    rows().filter(row => row.classList.contains('department') && !row.querySelector('.line-price').value.trim())
        .forEach(row => found.push({text: format(form.dataset.departmentPriceText, row.querySelector('.line-name').textContent),
          at: row.querySelector('.line-price')}));
    if (coupon.problem) {
      found.push({text: coupon.problem, at: couponBox});
    }
    return found;
  }

  function requestSave() {
    if (inFlight > 0) {
      saveWhenSettled = true;
      return;
    }
    save();
  }

  function save() {
    if (submitting) {
      return;
    }
    const found = problems();
    problemBox.replaceChildren(...found.map(problem => {
      const item = document.createElement('p');
      item.textContent = problem.text;
      return item;
    }));
    problemBox.hidden = found.length === 0;
    if (found.length > 0) {
      found[0].at.focus();
      return;
    }
    // one purchase per press, however quickly it is pressed twice (the server also refuses a second
    // purchase with the same client key)
    submitting = true;
    saveButton.disabled = true;
    form.submit();
  }

  // ---- keys ----

  const shortcuts = {
    F2: () => { customerBox.focus(); customerBox.select(); },
    F4: () => { if (couponBox) { couponBox.focus(); couponBox.select(); } },
    F6: () => {
      const at = document.activeElement.closest && document.activeElement.closest('tr.line.unknown');
      offerDepartments(at || rows().filter(row => row.classList.contains('unknown')).pop());
    },
    F8: () => pick(null, true),
    F9: requestSave
  };

  document.addEventListener('keydown', event => {
    if (event.isComposing) {
      return;
    }
    const shortcut = shortcuts[event.key] || (event.key === 'Enter' && event.ctrlKey ? requestSave : null);
    if (shortcut) {
      event.preventDefault();
      shortcut();
      return;
    }
    if (event.key !== 'Enter' || !form.contains(event.target)) {
      return;
    }
    const target = event.target;
    if (target.classList.contains('line-code')) {
      event.preventDefault();
      if (!target.value.trim()) {
        saveButton.focus();
        return;
      }
      const row = target.closest('tr.line');
      lookUp(row);
      nextCode(row).focus();
    } else if (target.matches('.line-price') && target.closest('tr.line').classList.contains('department')) {
      event.preventDefault();
      recompute();
      previewCoupon();
      target.closest('tr.line').querySelector('.line-note').focus();
    } else if (target.matches('.line-qty, .line-price, .line-discount, .line-note')) {
      event.preventDefault();
      recompute();
      previewCoupon();
      nextCode(target.closest('tr.line')).focus();
    } else if (target === customerBox) {
      event.preventDefault();
      if (target.value.trim()) {
        searchCustomers(target.value.trim(), true);
      }
      firstEmptyCode().focus();
    } else if (target === couponBox) {
      event.preventDefault();
      previewCoupon();
      firstEmptyCode().focus();
    }
  });

  form.addEventListener('change', event => {
    if (event.target.classList.contains('line-code')) {
      lookUp(event.target.closest('tr.line'));
    } else if (event.target === couponBox) {
      previewCoupon();
    } else {
      recompute();
    }
  });

  let suggestTimer;
  form.addEventListener('input', event => {
    const target = event.target;
    if (target.matches('.line-qty, .line-price, .line-discount')) {
      recompute();
    } else if (target === customerBox) {
      clearTimeout(customerTimer);
      const term = target.value.trim();
      customerTimer = setTimeout(() => {
        if (term) {
          searchCustomers(term, false);
        } else {
          customerAsk++;
          document.getElementById('picker-results').replaceChildren();
        }
      }, 150);
    } else if (target.classList.contains('line-code')) {
      const term = target.value;
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(async () => {
        if (!term.trim()) {
          return;
        }
        const response = await fetch(form.dataset.productsUrl + '?q=' + encodeURIComponent(term), json);
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

  form.addEventListener('click', event => {
    const choice = event.target.closest('.pick');
    if (choice) {
      pick(choice.dataset.customerId, true);
    } else if (event.target.closest('#walk-in')) {
      pick(null, true);
    } else if (event.target.closest('.pick-department')) {
      sellAsDepartment(event.target.closest('tr.line'), event.target.closest('.pick-department').dataset.code);
    } else if (event.target.closest('button.department')) {
      sellDepartment(event.target.closest('button.department').dataset.code);
    } else if (event.target.closest('#add-line')) {
      addRow().querySelector('.line-code').focus();
    }
  });

  form.addEventListener('submit', event => {
    event.preventDefault();
    requestSave();
  });

  recompute();
  previewCoupon();
}());
