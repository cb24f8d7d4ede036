package dev.flowlab.controller.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Meters;
import dev.flowlab.controller.testing.FakeSwitch;
import java.util.List;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionMeter;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;
import org.junit.jupiter.api.Test;

/** Apps' flow filters: they see other apps' adds and modifies, never their own entries or deletes. */
class FlowFiltersTest {
    private final FakeSwitch sw = new FakeSwitch(1, 2);
    private final OFFactory of = sw.factory();
    private final FlowFilters filters = new FlowFilters();

    @Test
    void aFilterChangesOtherAppsEntriesButNotItsOwnNorDeletes() {
        filters.add(Flows.cookie("qos"), (s, mod) -> mod.createBuilder().setPriority(7).build());

        assertThat(priority(filters.apply(sw, add("learning-switch")))).isEqualTo(7);
        assertThat(priority(filters.apply(sw, add("qos")))).as("its own entry").isEqualTo(1);
        OFMessage delete = Flows.deleteByCookie(of, Flows.cookie("learning-switch"), Flows.APP_COOKIE_MASK).build();
        assertThat(filters.apply(sw, delete)).isSameAs(delete);
        OFFlowAdd untouched = add("routing");
        assertThat(new FlowFilters().apply(sw, untouched)).as("no filters: the same message").isSameAs(untouched);
    }

    @Test
    void aFilterThatThrowsOrAnswersNullLeavesTheEntryToTheOtherFilters() {
        filters.add(Flows.cookie("broken"), (s, mod) -> {
            throw new IllegalStateException("bug in an app");
        });
        filters.add(Flows.cookie("lazy"), (s, mod) -> null);
        filters.add(Flows.cookie("qos"), (s, mod) -> mod.createBuilder().setPriority(7).build());

        assertThat(priority(filters.apply(sw, add("learning-switch")))).isEqualTo(7);
        assertThat(priority(filters.apply(sw, add("learning-switch")))).as("again, after the first warning").isEqualTo(7);
    }

    @Test
    void throughPutsTheMeterInFrontOfAnEntrysInstructionsInEachVersion() {
        OFFlowAdd add = add("learning-switch");
        assertThat(Meters.through(of, 3, add.getInstructions())).satisfiesExactly(
                i -> assertThat(i).isInstanceOfSatisfying(OFInstructionMeter.class, m -> assertThat(m.getMeterId()).isEqualTo(3)),
                i -> assertThat(i).isInstanceOf(OFInstructionApplyActions.class));
        OFFactory of15 = OFFactories.getFactory(OFVersion.OF_15);
        assertThat(Meters.through(of15, 3, List.of(of15.instructions().applyActions(List.of(Flows.output(of15, OFPort.of(2)))))))
                .singleElement().hasToString(Meters.apply(of15, 3, Flows.output(of15, OFPort.of(2))).get(0).toString());
        assertThat(Meters.through(of15, 4, List.of()).toString()).contains("meterId=4");
    }

    private OFFlowAdd add(String app) {
        return of.buildFlowAdd().setCookie(Flows.cookie(app).or(U64.of(5))).setPriority(1)
                .setInstructions(Flows.apply(of, Flows.output(of, OFPort.of(2)))).build();
    }

    private static int priority(OFMessage m) {
        return ((OFFlowMod) m).getPriority();
    }
}
