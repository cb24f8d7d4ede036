#!/usr/bin/python3
"""Mininet's build / first ping / teardown times for the same topologies as DataplaneBench.

Comparison only (flowlab itself has no Python). Run with Debian's python3, which has the mininet
library:  /usr/bin/python3 bench/scripts/mininet_compare.py linear,100
Refuses to run while any Open vSwitch bridge exists: Mininet's clean-up deletes every bridge.
"""
import os
import subprocess
import sys
import time
from functools import partial

from mininet.net import Mininet
from mininet.node import OVSSwitch
from mininet.topo import LinearTopo
from mininet.topolib import TreeTopo


def topology(spec):
    kind, *n = spec.split(',')
    if kind == 'linear':
        return LinearTopo(k=int(n[0]), n=1)
    if kind == 'tree':
        return TreeTopo(depth=int(n[0]), fanout=int(n[1]))
    raise SystemExit('spec %s: use linear,N or tree,D,F' % spec)


def main():
    if subprocess.run(['ovs-vsctl', 'list-br'], capture_output=True, text=True).stdout.strip():
        raise SystemExit('Open vSwitch bridges exist (someone else\'s?): not running Mininet')
    for spec in sys.argv[1:]:
        topo = topology(spec)
        t0 = time.time()
        net = Mininet(topo=topo, controller=None,
                      switch=partial(OVSSwitch, datapath='user', failMode='standalone'))
        net.start()
        built = time.time()
        first, last = net.hosts[0], net.hosts[-1]
        while ' 0% packet loss' not in first.cmd('ping -c1 -W10 %s' % last.IP()):
            if time.time() - built > 120:
                break
        pinged = time.time()
        net.stop()
        # As for flowlab: torn down means ovs-vswitchd has removed the bridges' own ports too.
        switches = {s.name for s in net.switches}
        while switches & set(os.listdir('/sys/class/net')):
            time.sleep(0.02)
        stopped = time.time()
        print('mininet %-12s %6d %9.2f %9.2f %12.2f %10.2f' % (
            spec, len(net.hosts), built - t0, pinged - built, pinged - t0, stopped - pinged), flush=True)


if __name__ == '__main__':
    main()
