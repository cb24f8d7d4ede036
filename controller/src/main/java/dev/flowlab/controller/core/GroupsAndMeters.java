package dev.flowlab.controller.core;

import dev.flowlab.controller.api.GroupTable;
import dev.flowlab.controller.api.Groups;
import dev.flowlab.controller.api.MeterTable;
import dev.flowlab.controller.api.Meters;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchErrorException;
import dev.flowlab.controller.vlan.VlanStage;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.protocol.OFBucket;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFGroupDescStatsReply;
import org.projectfloodlight.openflow.protocol.OFGroupMod;
import org.projectfloodlight.openflow.protocol.OFGroupModFailedCode;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.protocol.OFMeterConfigStatsReply;
import org.projectfloodlight.openflow.protocol.OFMeterFlags;
import org.projectfloodlight.openflow.protocol.OFMeterMod;
import org.projectfloodlight.openflow.protocol.OFMeterModCommand;
import org.projectfloodlight.openflow.protocol.OFMeterModFailedCode;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.errormsg.OFGroupModFailedErrorMsg;
import org.projectfloodlight.openflow.protocol.errormsg.OFMeterModFailedErrorMsg;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBand;
import org.projectfloodlight.openflow.types.OFGroup;

/**
 * The controller's group and meter tables: one {@link OwnedEntries} each, the OpenFlow messages that
 * change them, and the owner-bound views apps get ({@link #groups(String)}, {@link #meters(String)}).
 * REST uses the same tables with the owner {@link #REST}. On a network with VLAN roles, a group that
 * outputs to ports is refused before anything is sent ({@link VlanStage#groupRefusal}).
 */
public final class GroupsAndMeters {
    /** The owner of groups and meters added through the REST API. */
    public static final String REST = "rest";
    /** OFPG_MAX and OFPM_MAX: the largest ids of a group and of a meter. */
    private static final long MAX_GROUP = 0xffffff00L;
    private static final long MAX_METER = 0xffff0000L;
    private static final long ALL_METERS = 0xffffffffL;

    private final OwnedEntries groups = new OwnedEntries("group", 0, MAX_GROUP, Groups::require,
            GroupsAndMeters::groupIds, GroupsAndMeters::groupExists, GroupsAndMeters::groupDelete);
    private final OwnedEntries meters = new OwnedEntries("meter", 1, MAX_METER, Meters::require,
            GroupsAndMeters::meterIds, GroupsAndMeters::meterExists, GroupsAndMeters::meterDelete);

    private final boolean vlanRoles;

    /** The tables of a network without VLAN roles. */
    public GroupsAndMeters() {
        this(false);
    }

    /** @param vlanRoles whether the network has VLAN roles (the switches' VLAN stage is on) */
    public GroupsAndMeters(boolean vlanRoles) {
        this.vlanRoles = vlanRoles;
    }

    /** The group table, for REST. */
    public OwnedEntries groupEntries() {
        return groups;
    }

    /** The meter table, for REST. */
    public OwnedEntries meterEntries() {
        return meters;
    }

    /** The groups of {@code owner} (an app id). */
    public GroupTable groups(String owner) {
        final class OwnersGroups extends OwnersEntries implements GroupTable {
            OwnersGroups() {
                super(groups, owner);
            }

            @Override
            public CompletableFuture<Long> add(Switch sw, OFGroupType type, List<OFBucket> buckets) {
                return addGroup(sw, owner, OptionalLong.empty(), type, buckets);
            }

            @Override
            public CompletableFuture<Void> modify(Switch sw, long groupId, OFGroupType type, List<OFBucket> buckets) {
                return modifyGroup(sw, owner, groupId, type, buckets);
            }
        }
        return new OwnersGroups();
    }

    /** The meters of {@code owner} (an app id). */
    public MeterTable meters(String owner) {
        final class OwnersMeters extends OwnersEntries implements MeterTable {
            OwnersMeters() {
                super(meters, owner);
            }

            @Override
            public CompletableFuture<Long> add(Switch sw, Set<OFMeterFlags> flags, List<OFMeterBand> bands) {
                return addMeter(sw, owner, OptionalLong.empty(), flags, bands);
            }

            @Override
            public CompletableFuture<Void> modify(Switch sw, long meterId, Set<OFMeterFlags> flags, List<OFMeterBand> bands) {
                return modifyMeter(sw, owner, meterId, flags, bands);
            }
        }
        return new OwnersMeters();
    }

    /** What {@link GroupTable} and {@link MeterTable} do alike for one owner: delete and list its ids. */
    private abstract static class OwnersEntries {
        private final OwnedEntries entries;
        private final String owner;

        OwnersEntries(OwnedEntries entries, String owner) {
            this.entries = entries;
            this.owner = owner;
        }

        public CompletableFuture<Void> delete(Switch sw, long id) {
            return entries.delete(sw, owner, id);
        }

        public CompletableFuture<Integer> deleteAll(Switch sw) {
            return entries.deleteAll(sw, owner);
        }

        public Set<Long> ids(Switch sw) {
            return entries.ids(sw, owner);
        }
    }

    /** Adds a group for {@code owner}, with {@code wanted} as its id or else the lowest free one. */
    public CompletableFuture<Long> addGroup(Switch sw, String owner, OptionalLong wanted, OFGroupType type,
                                           List<OFBucket> buckets) {
        OFFactory of = sw.factory();
        refuseOnVlans(buckets);
        return groups.add(sw, owner, wanted, id -> groupAdd(of, id, type, buckets));
    }

    /** Replaces type and buckets of one of {@code owner}'s groups. */
    public CompletableFuture<Void> modifyGroup(Switch sw, String owner, long id, OFGroupType type, List<OFBucket> buckets) {
        Groups.require(sw.factory());
        refuseOnVlans(buckets);
        return groups.modify(sw, owner, id, groupMod(sw.factory().buildGroupModify(), id, type, buckets));
    }

    /** Throws, on the caller's thread, for buckets the VLAN stage cannot keep in their VLAN. */
    private void refuseOnVlans(List<OFBucket> buckets) {
        if (vlanRoles) {
            VlanStage.groupRefusal(buckets).ifPresent(why -> {
                throw new IllegalArgumentException(why);
            });
        }
    }

    /** Adds a meter for {@code owner}, with {@code wanted} as its id or else the lowest free one. */
    public CompletableFuture<Long> addMeter(Switch sw, String owner, OptionalLong wanted, Set<OFMeterFlags> flags,
                                           List<OFMeterBand> bands) {
        OFFactory of = sw.factory();
        return meters.add(sw, owner, wanted, id -> meterAdd(of, id, flags, bands));
    }

    /** Replaces flags and bands of one of {@code owner}'s meters. */
    public CompletableFuture<Void> modifyMeter(Switch sw, String owner, long id, Set<OFMeterFlags> flags,
                                               List<OFMeterBand> bands) {
        Meters.require(sw.factory());
        return meters.modify(sw, owner, id, meterMod(sw.factory(), OFMeterModCommand.MODIFY, id, flags, bands));
    }

    /** The add of one group. */
    public static OFGroupMod groupAdd(OFFactory of, long id, OFGroupType type, List<OFBucket> buckets) {
        return groupMod(of.buildGroupAdd(), id, type, buckets);
    }

    /** The add of one meter. */
    public static OFMeterMod meterAdd(OFFactory of, long id, Set<OFMeterFlags> flags, List<OFMeterBand> bands) {
        return meterMod(of, OFMeterModCommand.ADD, id, flags, bands);
    }

    /** The delete of one group. */
    public static OFGroupMod groupDelete(OFFactory of, long id) {
        return of.buildGroupDelete().setGroup(OFGroup.of((int) id)).setGroupType(OFGroupType.ALL).build();
    }

    /** The delete of one meter. */
    public static OFMeterMod meterDelete(OFFactory of, long id) {
        return meterMod(of, OFMeterModCommand.DELETE, id, Set.of(), List.of());
    }

    private static OFGroupMod groupMod(OFGroupMod.Builder builder, long id, OFGroupType type, List<OFBucket> buckets) {
        return builder.setGroup(OFGroup.of((int) id)).setGroupType(type).setBuckets(List.copyOf(buckets)).build();
    }

    /** OpenFlow 1.3 names the bands "meters"; 1.4 and later "bands". */
    private static OFMeterMod meterMod(OFFactory of, OFMeterModCommand command, long id, Set<OFMeterFlags> flags,
                                       List<OFMeterBand> bands) {
        OFMeterMod.Builder b = of.buildMeterMod().setCommand(command).setMeterId(id).setFlags(Set.copyOf(flags));
        return (of.getVersion() == OFVersion.OF_13 ? b.setMeters(List.copyOf(bands)) : b.setBands(List.copyOf(bands)))
                .build();
    }

    private static CompletableFuture<Set<Long>> groupIds(Switch sw) {
        CompletableFuture<List<OFGroupDescStatsReply>> replies = sw.request(sw.factory().buildGroupDescStatsRequest().build());
        return replies.thenApply(parts -> parts.stream().flatMap(p -> p.getEntries().stream())
                .map(e -> e.getGroup().getGroupNumber() & 0xffffffffL).collect(Collectors.toSet()));
    }

    private static CompletableFuture<Set<Long>> meterIds(Switch sw) {
        CompletableFuture<List<OFMeterConfigStatsReply>> replies = sw.request(sw.factory().buildMeterConfigStatsRequest()
                .setMeterId(ALL_METERS).build());
        return replies.thenApply(parts -> parts.stream().flatMap(p -> p.getEntries().stream())
                .map(e -> e.getMeterId()).collect(Collectors.toSet()));
    }

    private static boolean groupExists(SwitchErrorException e) {
        return e.error() instanceof OFGroupModFailedErrorMsg g && g.getCode() == OFGroupModFailedCode.GROUP_EXISTS;
    }

    private static boolean meterExists(SwitchErrorException e) {
        return e.error() instanceof OFMeterModFailedErrorMsg m && m.getCode() == OFMeterModFailedCode.METER_EXISTS;
    }
}
