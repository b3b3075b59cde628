// The primary sheet: a line per pupil (level, comment, test score), saved on its own as soon as a
// value changes, with the version it was based on. Keyboard like a spreadsheet: T, H, C in the
// level column move down; Enter and the arrows move; Ctrl+D fills the empty cells below; a block
// pasted from Excel spreads over the cells from the one it lands in. Without the script the
// line's Save button posts the form.
(function () {
  "use strict";
  var table = document.getElementById("primary-sheet");
  if (!table || !table.querySelector("input.cell:not([disabled])")) {
    return;
  }
  var statusEl = document.getElementById("sheet-status");
  var errorEl = document.getElementById("line-error");
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
    return Array.prototype.slice.call(tr.querySelectorAll("input.cell"));
  });
  var inFlight = 0;
  var chains = new Map();
  var dirty = new Map();
  // What each line last sent (or showed when the page came): a move, a blur and the button never
  // send the same values twice.
  var sent = new Map();
  Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
    sent.set(tr, signature(tr));
  });

  function signature(tr) {
    return Array.prototype.map.call(tr.querySelectorAll("input.cell"), function (input) {
      return input.value.trim();
    }).join("\u0001");
  }

  function msg(name) {
    return table.getAttribute("data-msg-" + name) || "";
  }

  function status(state) {
    if (statusEl) {
      statusEl.textContent = msg(state);
      statusEl.className = "badge " + (state === "saving" ? "text-bg-warning" : state === "saved" ? "text-bg-success" : "text-bg-danger");
    }
  }

  function formOf(tr) {
    return tr.querySelector("form.line-form");
  }

  // Posts the line; lines save one request at a time each, so the version always follows.
  function saveLine(tr) {
    if (dirty.get(tr) === "queued" || signature(tr) === sent.get(tr)) {
      return;
    }
    dirty.set(tr, "queued");
    var previous = chains.get(tr) || Promise.resolve();
    chains.set(tr, previous.then(function () {
      dirty.delete(tr);
      return send(tr);
    }));
  }

  function send(tr) {
    if (signature(tr) === sent.get(tr)) {
      return Promise.resolve();
    }
    sent.set(tr, signature(tr));
    var form = formOf(tr);
    var body = new URLSearchParams();
    tr.querySelectorAll("input.cell").forEach(function (input) {
      body.set(input.name, input.value.trim());
    });
    body.set("version", form.querySelector("input[name=version]").value);
    var headers = { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" };
    if (token && header) {
      headers[header.content] = token.content;
    }
    inFlight++;
    status("saving");
    tr.classList.remove("table-danger", "table-success");
    return fetch(form.action, { method: "POST", headers: headers, body: body, credentials: "same-origin" })
      .then(function (response) {
        return response.json().catch(function () {
          return { state: "error", message: msg("error") };
        });
      })
      .then(function (a) {
        inFlight--;
        if (a.state === "saved") {
          form.querySelector("input[name=version]").value = a.version;
          tr.classList.add("table-success");
          errorEl.textContent = "";
          if (inFlight === 0) {
            status("saved");
          }
        } else {
          sent.delete(tr);
          tr.classList.add("table-danger");
          errorEl.textContent = tr.querySelector("th").textContent + ": " + (a.message || msg("error"));
          status("error");
        }
      })
      .catch(function () {
        inFlight--;
        sent.delete(tr);
        tr.classList.add("table-danger");
        errorEl.textContent = msg("offline");
        status("offline");
      });
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

  function focus(row, col) {
    var target = rows[row] && rows[row][col];
    if (target) {
      target.focus();
      target.select();
    }
  }

  table.addEventListener("change", function (e) {
    if (e.target.classList.contains("cell")) {
      saveLine(e.target.closest("tr"));
    }
  });

  table.addEventListener("submit", function (e) {
    e.preventDefault();
    saveLine(e.target.closest("tr"));
  });

  table.addEventListener("keydown", function (e) {
    var input = e.target;
    if (!input.classList.contains("cell")) {
      return;
    }
    var p = position(input);
    if (input.classList.contains("level") && /^[thcTHC]$/.test(e.key) && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      input.value = e.key.toUpperCase();
      saveLine(input.closest("tr"));
      focus(p.row + 1, p.col);
    } else if (e.key === "Enter" || (e.key === "ArrowDown" && !input.list)) {
      e.preventDefault();
      saveLine(input.closest("tr"));
      focus(p.row + (e.shiftKey ? -1 : 1), p.col);
    } else if (e.key === "ArrowUp" && !input.list) {
      e.preventDefault();
      saveLine(input.closest("tr"));
      focus(p.row - 1, p.col);
    } else if ((e.ctrlKey || e.metaKey) && (e.key === "d" || e.key === "D")) {
      e.preventDefault();
      for (var r = p.row + 1; r < rows.length; r++) {
        var below = rows[r][p.col];
        if (below && below.value.trim() === "") {
          below.value = input.value;
          saveLine(below.closest("tr"));
        }
      }
    }
  });

  // A block copied from a spreadsheet: tab-separated columns, one line per pupil.
  table.addEventListener("paste", function (e) {
    var input = e.target;
    if (!input.classList.contains("cell")) {
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
    var touched = new Set();
    lines.forEach(function (line, i) {
      line.split("\t").forEach(function (value, j) {
        var target = rows[p.row + i] && rows[p.row + i][p.col + j];
        if (target) {
          target.value = value.trim();
          touched.add(target.closest("tr"));
        }
      });
    });
    touched.forEach(saveLine);
  });

  window.addEventListener("beforeunload", function (e) {
    if (inFlight > 0) {
      e.preventDefault();
    }
  });
})();
