// flowlab web view: one Server-Sent Events stream of snapshots, drawn with cytoscape.js.
(function () {
  'use strict';
  // Everything the page fetches is capped by the controller: the stream carries per-switch summaries, a
  // switch's flow table comes a page at a time when it is opened, app state only for apps that run.
  const state = { snapshot: null, selectedSwitch: null, offset: 0, pageSize: 100, pathEnds: [], layoutKey: '',
    stp: null, loadBalancer: null, appsFetchedAt: 0, linkKey: '', detailSeq: 0 };
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
      { selector: 'node.switch.master', style: { 'border-width': 3, 'border-color': '#1d2330' } },
      { selector: 'node.switch.slave', style: { 'background-color': '#9dbcf2', 'border-width': 2, 'border-style': 'dashed',
          'border-color': '#2f6fde', 'color': '#1d2330' } },
      { selector: 'node.host.server', style: { 'shape': 'diamond', 'width': 22, 'height': 22, 'background-color': '#8e44ad' } },
      { selector: 'edge.down', style: { 'line-color': '#e53935', 'line-style': 'dashed', 'width': 3 } },
      { selector: 'edge.blocked', style: { 'line-color': '#c0c6d0', 'line-style': 'dotted', 'width': 3, 'color': '#8a93a3' } },
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

  function runs(app) { return state.snapshot && state.snapshot.apps.includes(app); }

  /** A cable blocked by stp: either end of it is a blocking port. */
  function blocked(l) {
    if (!state.stp || l.state !== 'up') return false;
    return state.stp.blocking.has(l.a + '/' + l.a_port) || state.stp.blocking.has(l.b + '/' + l.b_port);
  }

  function linkState(l) { return blocked(l) ? 'blocked' : l.state; }

  function render(s) {
    state.snapshot = s;
    const servers = new Set((state.loadBalancer ? state.loadBalancer.servers : []).map((x) => x.mac).filter((m) => m));
    const elements = [];
    s.switches.forEach((sw) => elements.push({ group: 'nodes', data: { id: sw.dpid, label: sw.name },
      classes: 'switch' + (sw.connected ? '' : ' disconnected') + (s.cluster && sw.role ? ' ' + sw.role.toLowerCase() : '') }));
    const drawn = new Set(s.switches.map((sw) => sw.dpid));
    s.hosts.filter((h) => drawn.has(h.dpid)).forEach((h) => {
      elements.push({ group: 'nodes', data: { id: h.mac, label: hostLabel(h), host: h },
        classes: 'host' + (servers.has(h.mac) ? ' server' : '') });
      elements.push({ group: 'edges', data: { id: 'h:' + h.mac, source: h.dpid, target: h.mac, width: 1.5, label: '' },
        classes: 'hostlink' });
    });
    s.links.filter((l) => drawn.has(l.a) && drawn.has(l.b)).forEach((l) => {
      const id = 'l:' + l.a + '/' + l.a_port + '-' + l.b + '/' + l.b_port;
      const st = linkState(l);
      const width = st === 'up' ? 2 + Math.min(10, Math.log10(1 + l.bytes_per_second)) : 3;
      elements.push({ group: 'edges', data: { id: id, source: l.a, target: l.b, width: width,
        label: st === 'up' ? rate(l.bytes_per_second) : st }, classes: st });
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
    const down = s.links.filter((l) => l.state === 'down').length;
    const stopped = s.links.filter(blocked).length;
    $('summary').textContent = s.switches.length + ' switches, ' + s.hosts.length + ' hosts, ' +
      (s.links.length + s.hosts.length) + ' links' + (down ? ' (' + down + ' down)' : '') +
      (stopped ? ' (' + stopped + ' blocked by stp)' : '') +
      (s.switches_more + s.hosts_more + s.links_more ? '; not drawn: ' + more(s) : '');
    renderSwitches(s);
    renderLinks(s);
    renderHosts(s);
    renderCluster(s);
    renderApps();
    $('apps').replaceChildren(...s.apps.map((a) => li(a)));
    if (state.selectedSwitch) refreshSwitch(false);
    highlightPath();
    refreshAppState(s);
  }

  function more(s) {
    return [[s.switches_more, 'switches'], [s.hosts_more, 'hosts'], [s.links_more, 'links']]
      .filter(([n]) => n > 0).map(([n, what]) => n + ' more ' + what).join(', ');
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
      const st = linkState(l);
      return li(name + ' (port ' + l.a_port + ' ↔ ' + l.b_port + ') ' + (st === 'blocked' ? 'blocked by stp' : st) +
        (l.bytes_per_second >= 1 ? ', ' + rate(l.bytes_per_second) : ''), { 'data-link': name, 'data-state': st });
    }).concat(s.links_more ? [li(s.links_more + ' more links not shown')] : []));
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
    $('hosts-more').textContent = s.hosts_more ? s.hosts_more + ' more hosts not shown' : '';
  }

  function table(headers, rows) {
    const t = document.createElement('table');
    const head = t.createTHead().insertRow();
    headers.forEach((h) => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
    const body = t.createTBody();
    rows.forEach((r) => { const tr = body.insertRow(); r.forEach((c) => cell(tr, c[0], c[1])); });
    return t;
  }

  function count(n) { return n === null || n === undefined ? '–' : String(n); }

  /** Every switch's numbers from the last poll; a row opens the switch. */
  function renderSwitches(s) {
    const t = table(['switch', 'role', 'ports', 'flows', 'packets', 'bytes', 'tables', 'groups', 'meters'], s.switches
      .map((sw) => [[sw.name], [sw.connected ? sw.role : 'not connected'], [String(sw.ports), 'num'], [String(sw.flows), 'num'],
        [String(sw.packets), 'num'], [String(sw.bytes), 'num'], [String(sw.tables), 'num'], [count(sw.groups), 'num'],
        [count(sw.meters), 'num']]));
    t.id = 'switches';
    Array.from(t.tBodies[0].rows).forEach((tr, i) => {
      const sw = s.switches[i];
      tr.dataset.switch = sw.name;
      tr.addEventListener('click', () => openSwitch(sw.dpid));
    });
    const note = document.createElement('p');
    note.textContent = s.switches_more ? s.switches_more + ' more switches not shown' : '';
    $('switches-list').replaceChildren(t, note);
  }

  function openSwitch(dpid) {
    state.selectedSwitch = dpid;
    state.offset = 0;
    refreshSwitch(true);
  }

  /** The opened switch: a page of its flow table and its ports, from the controller's last poll. */
  function refreshSwitch(now) {
    const dpid = state.selectedSwitch;
    const sw = state.snapshot.switches.find((x) => x.dpid === dpid);
    if (!sw) return;
    $('switch-name').textContent = sw.name + (!sw.connected ? ' (not connected)'
      : sw.role && sw.role !== 'EQUAL' ? ' (this controller: ' + sw.role + ')' : '');
    if (!sw.connected) { $('switch-detail').replaceChildren(li('not connected: nothing to read')); return; }
    if (!now && Date.now() - (state.detailAt || 0) < 1000) return;
    state.detailAt = Date.now();
    const seq = ++state.detailSeq;
    api('/api/view/switches/' + dpid + '?offset=' + state.offset + '&limit=' + state.pageSize)
      .then((d) => { if (seq === state.detailSeq) drawSwitch(sw, d); })
      .catch((e) => { if (seq === state.detailSeq) $('switch-detail').replaceChildren(li('could not read it: ' + e.message)); });
  }

  function drawSwitch(sw, d) {
    const numbers = document.createElement('p');
    numbers.id = 'switch-numbers';
    numbers.textContent = d.flows_total + ' flow entries in ' + sw.tables + ' table' + (sw.tables === 1 ? '' : 's') +
      ', ' + sw.packets + ' packets, ' + sw.bytes + ' bytes; groups ' + count(sw.groups) + ', meters ' + count(sw.meters) +
      ' (read every ' + state.snapshot.interval_seconds + ' s)';
    const flowTitle = document.createElement('h3');
    flowTitle.textContent = 'Flow table' + (d.flows_total ? ': entries ' + (d.offset + 1) + '-' + (d.offset + d.flows.length) +
      ' of ' + d.flows_total : '');
    const flows = table(['table', 'prio', 'match', 'actions', 'packets', 'app'], d.flows
      .map((f) => [[String(f.table), 'num'], [String(f.priority), 'num'], [f.match], [f.actions], [String(f.packets), 'num'],
        [f.app]]));
    flows.id = 'flows';
    const pager = document.createElement('p');
    pager.id = 'flows-more';
    if (d.offset > 0) pager.appendChild(button('◀ previous ' + state.pageSize, () => page(-1)));
    if (d.flows_more > 0) {
      pager.appendChild(document.createTextNode(' ' + d.flows_more + ' more ' + (d.flows_more === 1 ? 'entry ' : 'entries ')));
      const next = d.flows_kept - d.offset - d.flows.length;
      if (next > 0) pager.appendChild(button('next ' + Math.min(state.pageSize, next) + ' ▶', () => page(1)));
      else pager.appendChild(document.createTextNode('(the controller keeps the first ' + d.flows_kept +
        ' of each poll, highest priority first; GET /api/switches/DPID/flows?offset=N&limit=500 pages through them all)'));
    }
    const ports = table(['port', 'state', 'rx bytes', 'tx bytes', 'rx pkts', 'tx pkts', 'drops', 'rate'], d.ports
      .map((p) => [[p.port + ' ' + p.name], [p.up ? 'up' : 'down'], [String(p.rx_bytes), 'num'], [String(p.tx_bytes), 'num'],
        [String(p.rx_packets), 'num'], [String(p.tx_packets), 'num'], [String(p.rx_dropped + p.tx_dropped), 'num'],
        [rate(p.rx_bytes_per_second + p.tx_bytes_per_second), 'rate']]));
    ports.id = 'ports';
    const portTitle = document.createElement('h3');
    portTitle.textContent = 'Ports' + (d.ports_more ? ' (' + d.ports_more + ' more not shown)' : '');
    const parts = [numbers, flowTitle, flows, pager, portTitle, ports];
    const stpPorts = state.stp ? state.stp.ports.filter((p) => p.dpid === sw.dpid && p.state !== 'forwarding') : [];
    if (stpPorts.length) {
      const t = document.createElement('h3');
      t.textContent = 'Spanning tree: ports not forwarding';
      parts.push(t, table(['port', 'state'], stpPorts.map((p) => [[String(p.port)], [p.state]])));
    }
    $('switch-detail').replaceChildren(...parts);
  }

  function button(text, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  function page(direction) {
    state.offset = Math.max(0, state.offset + direction * state.pageSize);
    refreshSwitch(true);
  }

  function renderCluster(s) {
    $('cluster-section').hidden = !s.cluster;
    if (!s.cluster) return;
    const roles = {};
    s.switches.filter((sw) => sw.role).forEach((sw) => { roles[sw.role] = (roles[sw.role] || 0) + 1; });
    $('cluster').replaceChildren(
      li('this controller: ' + s.cluster.self + (s.cluster.leader === s.cluster.self ? ' (leader)' : '')),
      li('members: ' + s.cluster.members.map((m) => m + (m === s.cluster.leader ? ' (leader)' : '')).join(', ')),
      li('its roles: ' + (Object.entries(roles).map(([r, n]) => r + ' of ' + n).join(', ') || 'no switch connected') +
        ' (MASTER: thick border, SLAVE: pale and dashed)', { id: 'cluster-roles' }));
  }

  /** stp's and the load balancer's state, read from their REST endpoints while they run (at most every 2 s). */
  function refreshAppState(s) {
    const linkKey = s.links.map((l) => l.a + l.a_port + l.b + l.b_port + l.state).join();
    const changed = linkKey !== state.linkKey;
    state.linkKey = linkKey;
    if (!changed && Date.now() - state.appsFetchedAt < 2000) return;
    state.appsFetchedAt = Date.now();
    const reads = [];
    if (runs('stp')) {
      reads.push(stpPorts().then((ports) => {
        state.stp = { ports: ports, blocking: new Set(ports.filter((p) => p.state === 'blocking').map((p) => p.dpid + '/' + p.port)) };
      }));
    }
    if (runs('load-balancer')) reads.push(api('/api/load-balancer').then((lb) => { state.loadBalancer = lb; }));
    if (reads.length) {
      Promise.all(reads).then(() => { if (state.snapshot === s) render(s); }).catch(() => {});
    }
  }

  /** Every port stp knows, read a page at a time (at most 20 pages of 500). */
  async function stpPorts() {
    let ports = [];
    for (let page = 0; page < 20; page++) {
      const p = await api('/api/stp?limit=500&offset=' + ports.length);
      ports = ports.concat(p.items);
      if (p.more === 0 || !p.items.length) break;
    }
    return ports;
  }

  function renderApps() {
    $('stp-section').hidden = !state.stp;
    if (state.stp) {
      const counts = {};
      state.stp.ports.forEach((p) => { counts[p.state] = (counts[p.state] || 0) + 1; });
      const cut = state.snapshot.links.filter(blocked).map((l) => switchName(l.a) + '-' + switchName(l.b));
      $('stp').replaceChildren(
        li('ports: ' + (Object.entries(counts).map(([st, n]) => n + ' ' + st).join(', ') || 'none known yet')),
        li(cut.length ? 'blocked cables (dotted on the picture): ' + cut.join(', ')
          : 'no cable blocked: the network has no loop', { id: 'stp-blocked' }));
    }
    $('lb-section').hidden = !state.loadBalancer;
    if (state.loadBalancer) {
      const lb = state.loadBalancer;
      const t = table(['server', 'MAC', 'at', 'connections'], lb.servers.map((x) => [[x.ip], [x.mac || 'not heard yet'],
        [x.location || '–'], [String(x.connections), 'num']]));
      t.id = 'lb-servers';
      const head = document.createElement('p');
      head.textContent = 'virtual IP ' + lb.vip + ' (' + lb.mac + '), idle timeout ' + lb.idle_timeout +
        ' s; servers drawn as diamonds';
      $('lb').replaceChildren(head, t);
    }
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

  cy.on('tap', 'node.switch', (ev) => openSwitch(ev.target.id()));
  cy.on('tap', 'node.host', (ev) => selectHost(ev.target.data('host')));
  window.flowlab.showSwitch = (name) => {
    const sw = state.snapshot.switches.find((x) => x.name === name || x.dpid === name);
    if (sw) openSwitch(sw.dpid);
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
