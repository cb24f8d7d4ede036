/**
 * OpenFlow roles across several controllers: {@link dev.flowlab.controller.role.Mastership} decides
 * which role this controller claims for each switch (MASTER, SLAVE or EQUAL, with a generation id);
 * the controller sends the ROLE_REQUESTs, honours the switches' answers and tells the apps. A single
 * controller uses {@link dev.flowlab.controller.role.SingleMember}; the {@code cluster} module
 * implements it with Raft.
 */
package dev.flowlab.controller.role;
