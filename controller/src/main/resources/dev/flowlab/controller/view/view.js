// flowlab web view: one Server-Sent Events stream of snapshots, drawn with cytoscape.js.
(function () {
  'use strict';
  const state = { snapshot: null, selectedSwitch: null, pathEnds: [], layoutKey: '' };
  const $ = (id) => document.getElementById(id);

  function token() {
    const m = location.hash.match(/token=([^&]+)/);
    if (m) {
      sessionStorage.setItem('flowlab-token', decodeURIComponent(m[1]));
      history.replaceState(null, '', location.pathname);   // keep the token out of the address bar
    }
    return sessionStorage.getItem('flowlab-token');
  }

  const cy = cytoscape({
    container: $('graph'),
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4 } },
      { selector: 'node.switch', style: { 'shape': 'round-rectangle', 'width': 44, 'height': 28, 'background-color': '#2f6fde',
          'text-valign': 'center', 'text-margin-y': 0, 'color': '#fff', 'font-weight': 600 } },
      { selector: 'node.switch.disconnected', style: { 'background-color': '#9aa3b2' } },
      { selector: 'node.host', style: { 'shape': 'ellipse', 'width': 18, 'height': 18, 'background-color': '#3aa76d' } },
      { selector: 'edge', style: { 'width': 'data(width)', 'line-color': '#7a8699', 'curve-style': 'bezier',
          'label': 'data(label)', 'font-size': 9, 'color': '#5b6477', 'text-rotation': 'autorotate' } },
      { selector: 'edge.down', style: { 'line-color': '#e53935', 'line-style': 'dashed', 'width': 3 } },
      { selector: 'edge.hostlink', style: { 'line-color': '#b9c2cf' } },
      { selector: '.onpath', style: { 'line-color': '#ff9800', 'background-color': '#ff9800', 'z-index': 9 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#ff9800' } }
    ]
  });
  window.flowlab = { cy: cy, state: state };

  function rate(bytesPerSecond) {
    if (bytesPerSecond < 1) return '';
    const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
    let v = bytesPerSecond, i = 0;
    while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
    return v.toFixed(v < 10 ? 1 : 0) + ' ' + units[i];
  }

  function switchName(dpid) {
    const s = state.snapshot && state.snapshot.switches.find((x) => x.dpid === dpid);
    return s ? s.name : dpid;
  }

  function hostLabel(h) { return h.ips.length ? h.ips[0] : h.mac; }

  function render(s) {
    state.snapshot = s;
    const elements = [];
    s.switches.forEach((sw) => elements.push({ group: 'nodes', data: { id: sw.dpid, label: sw.name },
      classes: 'switch' + (sw.connected ? '' : ' disconnected') }));
    s.hosts.forEach((h) => {
      elements.push({ group: 'nodes', data: { id: h.mac, label: hostLabel(h), host: h }, classes: 'host' });
      elements.push({ group: 'edges', data: { id: 'h:' + h.mac, source: h.dpid, target: h.mac, width: 1.5, label: '' },
        classes: 'hostlink' });
    });
    s.links.forEach((l) => {
      const id = 'l:' + l.a + '/' + l.a_port + '-' + l.b + '/' + l.b_port;
      const width = l.state === 'up' ? 2 + Math.min(10, Math.log10(1 + l.bytes_per_second)) : 3;
      elements.push({ group: 'edges', data: { id: id, source: l.a, target: l.b, width: width,
        label: l.state === 'up' ? rate(l.bytes_per_second) : 'down' }, classes: l.state });
    });
    const key = elements.filter((e) => e.group === 'nodes').map((e) => e.data.id).sort().join(',');
    cy.batch(() => {
      const ids = new Set(elements.map((e) => e.data.id));
      cy.elements().forEach((e) => { if (!ids.has(e.id())) cy.remove(e); });
      elements.forEach((e) => {
        const existing = cy.getElementById(e.data.id);
        if (existing.nonempty()) { existing.data(e.data); existing.classes(e.classes); } else { cy.add(e); }
      });
    });
    if (key !== state.layoutKey) {
      state.layoutKey = key;
      cy.layout({ name: 'cose', animate: false, nodeRepulsion: 9000, idealEdgeLength: 70, randomize: false }).run();
      cy.fit(undefined, 30);
    }
    const up = s.links.filter((l) => l.state === 'up').length;
    $('summary').textContent = s.switches.length + ' switches, ' + s.hosts.length + ' hosts, ' +
      (s.links.length + s.hosts.length) + ' links' + (up < s.links.length ? ' (' + (s.links.length - up) + ' down)' : '');
    renderLinks(s);
    renderHosts(s);
    $('apps').replaceChildren(...s.apps.map((a) => li(a)));
    if (state.selectedSwitch) renderSwitch(state.selectedSwitch);
    highlightPath();
  }

  function li(text, attrs) {
    const e = document.createElement('li');
    e.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  }

  function renderLinks(s) {
    $('links').replaceChildren(...s.links.map((l) => {
      const name = switchName(l.a) + '-' + switchName(l.b);
      return li(name + ' (port ' + l.a_port + ' ↔ ' + l.b_port + ') ' + l.state +
        (l.bytes_per_second >= 1 ? ', ' + rate(l.bytes_per_second) : ''), { 'data-link': name, 'data-state': l.state });
    }));
  }

  function cell(row, text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    row.appendChild(td);
  }

  function renderHosts(s) {
    $('hosts').tBodies[0].replaceChildren(...s.hosts.map((h) => {
      const tr = document.createElement('tr');
      cell(tr, h.mac); cell(tr, h.ips.join(' ')); cell(tr, switchName(h.dpid) + ' port ' + h.port);
      return tr;
    }));
  }

  function table(headers, rows) {
    const t = document.createElement('table');
    const head = t.createTHead().insertRow();
    headers.forEach((h) => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
    const body = t.createTBody();
    rows.forEach((r) => { const tr = body.insertRow(); r.forEach((c) => cell(tr, c[0], c[1])); });
    return t;
  }

  function renderSwitch(dpid) {
    const sw = state.snapshot.switches.find((x) => x.dpid === dpid);
    if (!sw) return;
    $('switch-name').textContent = sw.name + (!sw.connected ? ' (not connected)'
      : sw.role && sw.role !== 'EQUAL' ? ' (this controller: ' + sw.role + ')' : '');
    const flows = table(['prio', 'match', 'actions', 'packets', 'app'], sw.flows
      .slice().sort((a, b) => b.priority - a.priority)
      .map((f) => [[String(f.priority), 'num'], [f.match], [f.actions], [String(f.packets), 'num'], [f.app]]));
    flows.id = 'flows';
    const ports = table(['port', 'state', 'rx bytes', 'tx bytes', 'rx pkts', 'tx pkts', 'drops', 'rate'], sw.ports
      .map((p) => [[p.port + ' ' + p.name], [p.up ? 'up' : 'down'], [String(p.rx_bytes), 'num'], [String(p.tx_bytes), 'num'],
        [String(p.rx_packets), 'num'], [String(p.tx_packets), 'num'], [String(p.rx_dropped + p.tx_dropped), 'num'],
        [rate(p.rx_bytes_per_second + p.tx_bytes_per_second), 'rate']]));
    ports.id = 'ports';
    const flowTitle = document.createElement('h3');
    flowTitle.textContent = 'Flow table (' + sw.flows.length + ' entries, every ' + state.snapshot.interval_seconds + ' s)';
    const portTitle = document.createElement('h3');
    portTitle.textContent = 'Ports';
    $('switch-detail').replaceChildren(flowTitle, flows, portTitle, ports);
  }

  function selectHost(h) {
    state.pathEnds = state.pathEnds.concat([h]).slice(-2);
    if (state.pathEnds.length < 2) {
      $('path').textContent = 'from ' + hostLabel(h) + ': click another host';
      state.path = null;
      highlightPath();
      return;
    }
    const [a, b] = state.pathEnds;
    if (!a.ips.length || !b.ips.length) { $('path').textContent = 'both hosts need an IP address'; return; }
    api('/api/paths/' + a.ips[0] + '/' + b.ips[0]).then((p) => {
      state.path = { a: a, b: b, hops: p.path || [] };
      $('path').textContent = hostLabel(a) + ' → ' + state.path.hops.map((hop) => switchName(hop.dpid)).join(' → ') +
        ' → ' + hostLabel(b);
      highlightPath();
    }).catch((e) => { $('path').textContent = 'no path: ' + e.message; });
  }

  function highlightPath() {
    cy.elements().removeClass('onpath');
    const p = state.path;
    if (!p) return;
    const dpids = p.hops.map((hop) => hop.dpid);
    [p.a.mac, p.b.mac].concat(dpids).forEach((id) => cy.getElementById(id).addClass('onpath'));
    cy.getElementById('h:' + p.a.mac).addClass('onpath');
    cy.getElementById('h:' + p.b.mac).addClass('onpath');
    for (let i = 0; i + 1 < dpids.length; i++) {
      cy.edges().filter((e) => (e.source().id() === dpids[i] && e.target().id() === dpids[i + 1]) ||
        (e.source().id() === dpids[i + 1] && e.target().id() === dpids[i])).addClass('onpath');
    }
  }

  cy.on('tap', 'node.switch', (ev) => { state.selectedSwitch = ev.target.id(); renderSwitch(state.selectedSwitch); });
  cy.on('tap', 'node.host', (ev) => selectHost(ev.target.data('host')));
  window.flowlab.showSwitch = (name) => {
    const sw = state.snapshot.switches.find((x) => x.name === name || x.dpid === name);
    if (sw) { state.selectedSwitch = sw.dpid; renderSwitch(sw.dpid); }
  };

  function api(path) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + token() } }).then((r) =>
      r.json().then((body) => { if (!r.ok) throw new Error(body.error || r.status); return body; }));
  }

  function setStatus(s, text) { $('status').dataset.state = s; $('status').textContent = text; }

  // EventSource cannot send the token in a header: read the same text/event-stream through fetch.
  async function follow() {
    const t = token();
    if (!t) { $('login').hidden = false; setStatus('refused', 'no token'); return; }
    try {
      const r = await fetch('/api/view/events', { headers: { 'Authorization': 'Bearer ' + t, 'Accept': 'text/event-stream' } });
      if (r.status === 401) { sessionStorage.removeItem('flowlab-token'); $('login').hidden = false; setStatus('refused', 'wrong token'); return; }
      if (!r.ok) throw new Error('HTTP ' + r.status);
      $('login').hidden = true;
      setStatus('live', 'live');
      const reader = r.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data) render(JSON.parse(data));
        }
      }
      throw new Error('stream ended');
    } catch (e) {
      setStatus('lost', 'reconnecting (' + e.message + ')');
      setTimeout(follow, 2000);
    }
  }

  $('login').addEventListener('submit', (ev) => {
    ev.preventDefault();
    sessionStorage.setItem('flowlab-token', $('token').value.trim());
    follow();
  });
  follow();
})();
