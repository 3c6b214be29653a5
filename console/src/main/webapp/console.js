// The Switchboard operator console: reads the REST API, follows the server-sent events, and sends
// the operator's changes with BASIC credentials. Every value from the server is put into the page as
// text (never as HTML): caller ids come from the network.
'use strict';

const MODES = ['UNKNOWN', 'INTERACTIVEVOICE', 'AUTOMATEDVOICE', 'DATAMODEM', 'G3FAX', 'TDD', 'G4FAX', 'DIGITALDATA',
  'TELETEX', 'VIDEOTEX', 'TELEX', 'MIXED', 'ADSI', 'VOICEVIEW', 'VIDEO'];

const state = {
  auth: null,          // "Basic ..." once signed in
  user: null,
  calls: new Map(),    // callId -> call
  priorities: new Map(), // mode -> priority json
  history: [],         // newest first
  afterSignIn: null,   // what to do once signed in
  voicemailTimer: null, // a pending reload of the voicemail list
};

const $ = id => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

const tags = (names, cls) => names && names.length ? names.map(n => el('span', { class: 'tag ' + cls }, n)) : ['–'];

// ---- REST

async function getJson(path) {
  const r = await fetch('api/' + path, { credentials: 'omit', cache: 'no-store' });
  if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
  return r.json();
}

/** A change: needs the operator's credentials; asks for them first when there are none. */
async function change(method, path, body) {
  if (!state.auth) {
    return new Promise((resolve, reject) => {
      state.afterSignIn = () => change(method, path, body).then(resolve, reject);
      openSignIn('Sign in to make this change.');
    });
  }
  // X-Switchboard-Operator: the server refuses a change without it (CSRF defence: another site's page cannot
  // send a custom header to this server, since it answers no CORS preflight)
  const headers = { Authorization: state.auth, 'X-Switchboard-Operator': '1' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // credentials 'omit': the browser neither adds nor caches credentials and shows no login dialog of its own
  const r = await fetch('api/' + path, {
    method, headers, credentials: 'omit', body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (r.status === 401 || (r.status === 403 && !(json && json.error === 'CROSSSITE'))) {
    signOut();
    throw new Error(r.status === 401 ? 'not signed in (401)' : 'not an operator (403)');
  }
  if (!r.ok) throw new Error((json && json.message) || ('HTTP ' + r.status));
  return json;
}

// ---- sign in

function basic(user, password) {
  const bytes = new TextEncoder().encode(user + ':' + password);
  let bin = '';
  bytes.forEach(b => { bin += String.fromCharCode(b); });
  return 'Basic ' + btoa(bin);
}

function openSignIn(message) {
  $('signin').hidden = false;
  $('signin-status').textContent = message || '';
  $('signin-status').className = 'status';
  $('signin-password').focus();
}

function signOut() {
  state.auth = null;
  state.user = null;
  $('signed-in').hidden = true;
  $('signout').hidden = true;
  $('signin-open').hidden = false;
}

async function signIn(ev) {
  ev.preventDefault();
  const auth = basic($('signin-user').value, $('signin-password').value);
  const r = await fetch('api/whoami', { headers: { Authorization: auth }, credentials: 'omit', cache: 'no-store' });
  if (!r.ok) {
    $('signin-status').textContent = r.status === 401 ? 'Wrong user or password.' : 'Not an operator (HTTP ' + r.status + ').';
    $('signin-status').className = 'status error';
    return;
  }
  const me = await r.json();
  state.auth = auth;
  state.user = me.user;
  $('signin-password').value = '';
  $('signin').hidden = true;
  $('signed-in').textContent = 'operator: ' + me.user;
  $('signed-in').hidden = false;
  $('signout').hidden = false;
  $('signin-open').hidden = true;
  const next = state.afterSignIn;
  state.afterSignIn = null;
  if (next) next();
}

// ---- rendering

function renderStats(s) {
  const rate = v => (Math.round(v * 10) / 10).toString();
  $('stat-calls-rate').textContent = rate(s.callsPerSecond);
  $('stat-handoffs-rate').textContent = rate(s.handoffsPerSecond);
  $('stat-failures-rate').textContent = rate(s.failuresPerSecond);
  $('stat-calls').textContent = s.calls + ' total';
  $('stat-handoffs').textContent = s.handoffs + ' total';
  $('stat-failures').textContent = s.failures + ' total';
  $('stat-rollbacks').textContent = s.rollbacks;
  $('stat-live').textContent = s.liveCalls;
  $('stat-window').textContent = 'rates over ' + s.windowSeconds + ' s';
}

function renderLines(lines) {
  const body = $('lines').tBodies[0];
  body.replaceChildren(...lines.map(l => el('tr', { 'data-line': l.name }, el('td', {}, l.name), el('td', {}, l.provider || ''))));
}

/** This node's calls by their id (as live updates name them), another node's by node and id. */
function callKey(c) {
  return c.remote ? c.node + '/' + c.callId : c.callId;
}

function nodeParam(c, first) {
  return c.remote ? (first ? '?' : '&') + 'node=' + encodeURIComponent(c.node) : '';
}

function callActions(c) {
  const cell = el('td', { class: 'actions' });
  if (c.unowned) {
    const app = el('input', { size: 8, placeholder: 'application', class: 'assign-app' });
    app.setAttribute('list', 'apps');
    cell.append(app, el('button', {
      type: 'button', class: 'assign', onclick: () => act(() => change('POST', 'calls/' + encodeURIComponent(c.callId)
        + '/assign?app=' + encodeURIComponent(app.value.trim()) + nodeParam(c, false))),
    }, 'Assign'), ' ');
  }
  cell.append(el('button', {
    type: 'button', class: 'drop danger', onclick: () => act(() => change('POST', 'calls/' + encodeURIComponent(c.callId) + '/drop' + nodeParam(c, true))),
  }, 'Drop'));
  return cell;
}

async function act(fn) {
  try {
    await fn();
  } catch (e) {
    alert(e.message);
  }
}

function renderCalls(changedId) {
  const calls = [...state.calls.values()].sort((a, b) => a.callId.localeCompare(b.callId, undefined, { numeric: true }));
  const body = $('calls').tBodies[0];
  body.replaceChildren(...calls.map(c => el('tr', { 'data-call-id': c.callId, 'data-node': c.node || '', class: c.callId === changedId ? 'fresh' : '' },
    el('td', { title: c.node ? 'on node ' + c.node : '' }, c.remote ? c.callId + ' @ ' + c.node : c.callId),
    el('td', {}, c.line),
    el('td', { class: 'media', title: c.mediaText }, ...tags(c.media, '')),
    el('td', { class: 'state' }, c.state),
    el('td', { class: 'owners' }, ...(c.unowned ? [el('span', { class: 'tag unowned' }, 'unowned (R7)')] : tags(c.owners, 'owner'))),
    el('td', { class: 'monitors' }, ...tags(c.monitors, 'monitor')),
    el('td', {}, c.callerId || ''),
    callActions(c))));
  $('calls-empty').hidden = calls.length > 0;
}

function renderPriorities() {
  const rows = MODES.map(m => state.priorities.get(m)).filter(p => p && (p.admin.length || Object.values(p.effective).some(l => l.length)));
  const body = $('priorities').tBodies[0];
  body.replaceChildren(...rows.map(p => el('tr', { 'data-mode': p.mode },
    el('td', {}, p.mode),
    el('td', { class: 'admin' }, ...tags(p.admin, 'owner')),
    el('td', { class: 'effective' }, ...Object.entries(p.effective).map(([line, apps]) =>
      el('div', {}, el('span', { class: 'status' }, line + ': '), apps.length ? apps.join(' › ') : '–'))),
    el('td', {}, el('button', { type: 'button', class: 'quiet', onclick: () => editMode(p.mode) }, 'Edit')))));
  const apps = new Set();
  for (const p of state.priorities.values()) Object.values(p.effective).forEach(l => l.forEach(a => apps.add(a)));
  $('apps').replaceChildren(...[...apps].sort().map(a => el('option', { value: a })));
}

function editMode(mode) {
  $('prio-mode').value = mode;
  const p = state.priorities.get(mode);
  $('prio-apps').value = p ? p.admin.join(', ') : '';
  $('prio-apps').focus();
}

async function savePriorities(ev) {
  ev.preventDefault();
  const mode = $('prio-mode').value;
  const apps = $('prio-apps').value.split(/[\s,]+/).filter(a => a);
  $('prio-status').textContent = 'saving…';
  $('prio-status').className = 'status';
  try {
    const p = await change('PUT', 'priorities/' + mode, apps);
    state.priorities.set(p.mode, p);
    renderPriorities();
    $('prio-status').textContent = 'Saved ' + p.mode + ': ' + (p.admin.join(', ') || '(empty)');
    $('prio-status').className = 'status ok';
  } catch (e) {
    $('prio-status').textContent = 'Not saved: ' + e.message;
    $('prio-status').className = 'status error';
  }
}

function renderHistory() {
  const body = $('history').tBodies[0];
  body.replaceChildren(...state.history.map(h => el('tr', { 'data-kind': h.kind, 'data-call-id': h.callId },
    el('td', {}, new Date(h.at).toLocaleTimeString()),
    el('td', { class: 'kind-' + h.kind }, h.kind === 'HANDOFF' ? 'handoff' : h.kind === 'ROLLBACK' ? 'rolled back' : 'unowned'),
    el('td', {}, h.callId),
    el('td', {}, h.line || ''),
    el('td', { class: 'route' }, h.application ? h.application + ' → ' + h.target : ''),
    el('td', { class: 'result result-' + (h.result || '') }, h.result || ''),
    el('td', {}, h.reason || ''),
    el('td', { class: 'owners' }, ...tags(h.owners, 'owner')))));
  $('history-empty').hidden = state.history.length > 0;
}

function renderVoicemail(voicemails) {
  const body = $('voicemail').tBodies[0];
  body.replaceChildren(...voicemails.map(v => el('tr', { 'data-file': v.name },
    el('td', {}, new Date(v.recordedAt).toLocaleString()),
    el('td', { class: 'file' }, v.name),
    el('td', {}, v.seconds === undefined || v.seconds === null ? '…' : v.seconds + ' s'),
    el('td', {}, Math.round(v.bytes / 1024) + ' KB'))));
  $('voicemail-empty').hidden = voicemails.length > 0;
}

/**
 * A recording is complete at the latest when its call ends, so the list is read again then: once a
 * second at most, however many calls end.
 */
function reloadVoicemail() {
  if (state.voicemailTimer) return;
  state.voicemailTimer = setTimeout(() => {
    state.voicemailTimer = null;
    getJson('voicemail').then(renderVoicemail).catch(e => console.error(e));
  }, 1000);
}

// ---- live

async function loadAll(pending) {
  const [lines, calls, priorities, history, stats, voicemail] = await Promise.all(
    ['lines', 'calls', 'priorities', 'history', 'stats', 'voicemail'].map(getJson));
  renderLines(lines);
  state.calls = new Map(calls.map(c => [callKey(c), c]));
  for (const u of pending) applyCall(u);   // events that arrived while loading are newer than the lists
  priorities.forEach(p => state.priorities.set(p.mode, p));
  const seen = new Set(state.history.map(h => h.seq));
  state.history = [...state.history, ...history.filter(h => !seen.has(h.seq))].sort((a, b) => b.seq - a.seq).slice(0, 200);
  renderCalls();
  renderPriorities();
  renderHistory();
  renderStats(stats);
  renderVoicemail(voicemail);
}

function applyCall(u) {
  if (u.call && u.call.state !== 'IDLE') state.calls.set(u.callId, u.call);
  else state.calls.delete(u.callId);
}

function connect() {
  const events = new EventSource('api/events');
  let pending = [];
  let loading = false;
  events.onopen = () => {
    $('live').textContent = 'live';
    $('live').className = 'live on';
    loading = true;
    pending = [];
    loadAll(pending).catch(e => console.error(e)).finally(() => { loading = false; });
  };
  events.onerror = () => {
    $('live').textContent = 'reconnecting…';
    $('live').className = 'live off';
  };
  events.addEventListener('call', e => {
    const u = JSON.parse(e.data);
    if (loading) pending.push(u);
    applyCall(u);
    renderCalls(u.callId);
    if (!state.calls.has(u.callId)) reloadVoicemail();
  });
  events.addEventListener('history', e => {
    const h = JSON.parse(e.data);
    if (!state.history.some(x => x.seq === h.seq)) {
      state.history.unshift(h);
      state.history.length = Math.min(state.history.length, 200);
      renderHistory();
    }
  });
  events.addEventListener('stats', e => renderStats(JSON.parse(e.data)));
  events.addEventListener('priorities', e => {
    const p = JSON.parse(e.data);
    state.priorities.set(p.mode, p);
    renderPriorities();
  });
}

// ---- start

$('prio-mode').replaceChildren(...MODES.map(m => el('option', { value: m }, m)));
$('prio-mode').value = 'G3FAX';
$('prio-mode').addEventListener('change', () => editMode($('prio-mode').value));
$('prio-form').addEventListener('submit', savePriorities);
$('signin').addEventListener('submit', signIn);
$('signin-open').addEventListener('click', () => openSignIn(''));
$('signin-cancel').addEventListener('click', () => { $('signin').hidden = true; state.afterSignIn = null; });
$('signout').addEventListener('click', signOut);
connect();
