// The score sheet: keyboard-first entry like a spreadsheet. Each cell saves on its own with the
// version it was based on; the server answers with the value as stored and the term average, or
// with a conflict when someone else changed the cell meanwhile (never overwritten silently).
(function () {
  "use strict";
  var table = document.getElementById("score-sheet");
  if (!table || !table.querySelector("input.score-cell")) {
    return;
  }
  var statusEl = document.getElementById("sheet-status");
  var errorEl = document.getElementById("sheet-error");
  var undoButton = document.getElementById("undo");
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
    return Array.prototype.slice.call(tr.querySelectorAll("input.score-cell"));
  });
  var inFlight = 0;
  var failed = 0;
  var undoStack = [];
  var queue = new Map();
  var rowChains = new Map();

  function msg(name) {
    return table.getAttribute("data-msg-" + name) || "";
  }

  function position(input) {
    for (var r = 0; r < rows.length; r++) {
      var c = rows[r].indexOf(input);
      if (c >= 0) {
        return { row: r, col: c };
      }
    }
    return null;
  }

  function cellAt(row, col) {
    return rows[row] && rows[row][col] ? rows[row][col] : null;
  }

  function focusCell(input) {
    if (input) {
      input.focus();
      input.select();
    }
  }

  function showStatus() {
    if (!statusEl) {
      return;
    }
    statusEl.textContent = inFlight > 0 ? msg("saving") : failed > 0 ? msg("error") : msg("saved");
    statusEl.className = "badge " + (inFlight > 0 ? "text-bg-warning" : failed > 0 ? "text-bg-danger" : "text-bg-success");
  }

  function setState(input, state, message) {
    var td = input.parentElement;
    td.classList.remove("is-saving", "is-saved", "is-error", "is-conflict");
    if (state) {
      td.classList.add("is-" + state);
    }
    if (message) {
      input.setAttribute("title", message);
      input.setAttribute("aria-invalid", state === "error" ? "true" : "false");
      errorEl.textContent = message;
    } else {
      input.removeAttribute("title");
      input.removeAttribute("aria-invalid");
    }
  }

  // Saves a cell if its text differs from what the server last confirmed. A cell already being
  // saved is saved again afterwards with its newest text.
  function save(input, remember) {
    var text = input.value.trim();
    if (text === input.getAttribute("data-saved") && !input.parentElement.classList.contains("is-error")) {
      return;
    }
    if (queue.has(input)) {
      queue.set(input, true);
      return;
    }
    if (remember) {
      undoStack.push({ input: input, text: input.getAttribute("data-saved") });
      undoButton.disabled = false;
    }
    queue.set(input, false);
    inFlight++;
    setState(input, "saving");
    showStatus();
    var tr = input.closest("tr");
    var wasFailed = input.parentElement.getAttribute("data-failed") === "1";
    // One request at a time per student: each answer's term average then counts every cell
    // saved before it.
    var previous = rowChains.get(tr) || Promise.resolve();
    var next = previous.then(function () {
      return send(input, tr, text, wasFailed);
    });
    rowChains.set(tr, next);
  }

  function send(input, tr, text, wasFailed) {
    var body = new URLSearchParams();
    body.set("term", table.getAttribute("data-term"));
    body.set("student", tr.getAttribute("data-student"));
    body.set("slot", input.getAttribute("data-slot"));
    body.set("value", text);
    body.set("version", input.getAttribute("data-version"));
    var headers = { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" };
    if (token && header) {
      headers[header.content] = token.content;
    }
    return fetch(table.getAttribute("data-save"), { method: "POST", headers: headers, body: body, credentials: "same-origin" })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return { state: "error", message: response.status === 403 ? msg("forbidden") : msg("error") };
          })
          .then(function (answer) {
            return { status: response.status, answer: answer };
          });
      })
      .then(function (r) {
        var a = r.answer;
        var failedNow = false;
        if (a.state === "saved" || a.state === "conflict") {
          input.setAttribute("data-version", a.version);
          input.setAttribute("data-saved", a.text);
          tr.querySelector(".term-result").textContent = a.result || "";
          if (a.state === "conflict") {
            input.value = a.text;
            setState(input, "conflict", a.message);
          } else {
            if (document.activeElement !== input || input.value.trim() === text) {
              input.value = a.text;
            }
            setState(input, "saved");
          }
        } else {
          failedNow = true;
          setState(input, "error", a.message || msg("error"));
        }
        finish(input, wasFailed, failedNow);
      })
      .catch(function () {
        setState(input, "error", msg("offline"));
        finish(input, wasFailed, true);
      });
  }

  function finish(input, wasFailed, failedNow) {
    inFlight--;
    failed += (failedNow ? 1 : 0) - (wasFailed ? 1 : 0);
    input.parentElement.setAttribute("data-failed", failedNow ? "1" : "0");
    var again = queue.get(input);
    queue.delete(input);
    showStatus();
    if (again) {
      save(input, false);
    }
  }

  function move(input, dRow, dCol) {
    var p = position(input);
    var target = cellAt(p.row + dRow, p.col + dCol);
    save(input, true);
    if (target) {
      focusCell(target);
    } else {
      input.select();
    }
  }

  table.addEventListener("focusin", function (e) {
    if (e.target.classList.contains("score-cell")) {
      e.target.select();
    }
  });

  table.addEventListener("change", function (e) {
    if (e.target.classList.contains("score-cell")) {
      save(e.target, true);
    }
  });

  table.addEventListener("keydown", function (e) {
    var input = e.target;
    if (!input.classList.contains("score-cell")) {
      return;
    }
    var atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    var atEnd = input.selectionStart === input.value.length;
    var all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if (e.key === "Enter") {
      e.preventDefault();
      move(input, e.shiftKey ? -1 : 1, 0);
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      move(input, 1, 0);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      move(input, -1, 0);
    } else if (e.key === "ArrowRight" && (atEnd || all)) {
      e.preventDefault();
      move(input, 0, 1);
    } else if (e.key === "ArrowLeft" && (atStart || all)) {
      e.preventDefault();
      move(input, 0, -1);
    } else if ((e.ctrlKey || e.metaKey) && (e.key === "d" || e.key === "D")) {
      // Fill down: the cell's value into the empty cells below it in the column.
      e.preventDefault();
      var p = position(input);
      for (var r = p.row + 1; r < rows.length; r++) {
        var below = cellAt(r, p.col);
        if (below && below.value.trim() === "") {
          below.value = input.value;
          save(below, true);
        }
      }
      save(input, true);
    } else if ((e.ctrlKey || e.metaKey) && (e.key === "z" || e.key === "Z")) {
      e.preventDefault();
      undo();
    } else if (e.key === "Escape") {
      input.value = input.getAttribute("data-saved");
      setState(input, null);
    }
  });

  // A block copied from Excel or Google Sheets: tab-separated columns, one line per row.
  table.addEventListener("paste", function (e) {
    var input = e.target;
    if (!input.classList.contains("score-cell")) {
      return;
    }
    var text = (e.clipboardData || window.clipboardData).getData("text");
    if (text.indexOf("\t") < 0 && text.indexOf("\n") < 0) {
      return;
    }
    e.preventDefault();
    var lines = text.replace(/\r/g, "").split("\n");
    if (lines.length > 1 && lines[lines.length - 1] === "") {
      lines.pop();
    }
    var p = position(input);
    lines.forEach(function (line, i) {
      line.split("\t").forEach(function (value, j) {
        var target = cellAt(p.row + i, p.col + j);
        if (target) {
          target.value = value.trim();
          save(target, true);
        }
      });
    });
  });

  function undo() {
    var last = undoStack.pop();
    undoButton.disabled = undoStack.length === 0;
    if (last) {
      last.input.value = last.text;
      save(last.input, false);
      focusCell(last.input);
    }
  }

  undoButton.addEventListener("click", undo);
  window.addEventListener("beforeunload", function (e) {
    if (inFlight > 0) {
      e.preventDefault();
    }
  });
})();
