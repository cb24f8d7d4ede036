#!/usr/bin/python3
"""Mininet's build / first ping / teardown times and memory per host for one topology, for
`flowlab bench dataplane --compare mininet` (comparison only: flowlab itself has no Python).

    /usr/bin/python3 mininet_run.py PREFIX linear,100      (or tree,D,F / single,N)

Prints one JSON line. Mininet's own names (s1, h1-eth0) could be someone else's on a shared
machine, so every switch and host is named PREFIX + Mininet's name, and the run refuses to start
when any interface or bridge of that prefix exists. Clean-up is Mininet's net.stop(), which deletes
only the bridges and links this net made (never `mn -c`, which deletes every bridge).
"""
import json
import os
import re
import subprocess
import sys
import time
from functools import partial

from mininet.log import setLogLevel
from mininet.net import Mininet
from mininet.node import OVSSwitch
from mininet.topo import Topo


class Linear(Topo):
    """Mininet's LinearTopo (k switches in a chain, one host each), names prefixed."""

    def build(self, k, prefix):
        last = None
        for i in range(1, k + 1):
            h = self.addHost('%sh%d' % (prefix, i))
            s = self.addSwitch('%ss%d' % (prefix, i), dpid='%016x' % i)
            self.addLink(h, s)
            if last:
                self.addLink(s, last)
            last = s


class Tree(Topo):
    """Mininet's TreeTopo (depth, fanout), names prefixed."""

    def build(self, depth, fanout, prefix):
        self.hosts_made = 0
        self.switches_made = 0
        self.prefix = prefix
        self.fanout = fanout
        self.tree(depth)

    def tree(self, depth):
        if depth == 0:
            self.hosts_made += 1
            return self.addHost('%sh%d' % (self.prefix, self.hosts_made))
        self.switches_made += 1
        s = self.addSwitch('%ss%d' % (self.prefix, self.switches_made), dpid='%016x' % self.switches_made)
        for _ in range(self.fanout):
            self.addLink(s, self.tree(depth - 1))
        return s


class Single(Topo):
    def build(self, k, prefix):
        s = self.addSwitch('%ss1' % prefix, dpid='%016x' % 1)
        for i in range(1, k + 1):
            self.addLink(self.addHost('%sh%d' % (prefix, i)), s)


def topology(spec, prefix):
    kind, *n = spec.split(',')
    n = [int(x) for x in n]
    if kind == 'linear' and len(n) == 1:
        return Linear(k=n[0], prefix=prefix)
    if kind == 'tree' and len(n) == 2:
        return Tree(depth=n[0], fanout=n[1], prefix=prefix)
    if kind == 'single' and len(n) == 1:
        return Single(k=n[0], prefix=prefix)
    raise SystemExit('Mininet comparison takes linear,N or tree,D,F or single,N, not ' + spec)


def mem_used_kib():
    """MemTotal - MemAvailable, as flowlab's side measures it."""
    info = {}
    with open('/proc/meminfo') as f:
        for line in f:
            key, value = line.split(':')
            info[key] = int(value.split()[0])
    return info['MemTotal'] - info['MemAvailable']


def taken(prefix):
    """Interfaces or OVS bridges whose name starts with the prefix: someone else's, or a crashed run's."""
    names = set(os.listdir('/sys/class/net'))
    names |= set(subprocess.run(['ovs-vsctl', 'list-br'], capture_output=True, text=True).stdout.split())
    return sorted(n for n in names if re.match(re.escape(prefix) + r'[sh]\d', n))


def main():
    prefix, spec = sys.argv[1], sys.argv[2]
    topo = topology(spec, prefix)
    clash = taken(prefix)
    if clash:
        raise SystemExit('names of prefix %s exist already (%s): not running Mininet' % (prefix, ' '.join(clash[:5])))
    setLogLevel('error')
    mem0 = mem_used_kib()
    t0 = time.time()
    net = Mininet(topo=topo, controller=None, autoSetMacs=True,
                  switch=partial(OVSSwitch, datapath='user', failMode='standalone'))
    try:
        net.start()
        built = time.time()
        first, last = net.hosts[0], net.hosts[-1]
        answered = False
        while not answered and time.time() - built < 120:
            answered = ' 0% packet loss' in first.cmd('ping -c1 -W10 %s' % last.IP())
        pinged = time.time()
        mem1 = mem_used_kib()
    finally:
        stop0 = time.time()
        net.stop()
        # As for flowlab: torn down means ovs-vswitchd has removed the bridges' own ports too.
        switches = {s.name for s in net.switches}
        while switches & set(os.listdir('/sys/class/net')) and time.time() - stop0 < 300:
            time.sleep(0.02)
        stopped = time.time()
    print(json.dumps({'spec': spec, 'hosts': len(net.hosts), 'build': built - t0,
                      'ping': pinged - built if answered else None, 'teardown': stopped - stop0,
                      'kibPerHost': (mem1 - mem0) / len(net.hosts)}), flush=True)


if __name__ == '__main__':
    main()
