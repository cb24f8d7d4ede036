/** {@code hub}: floods every packet; the smallest complete app. */
package dev.flowlab.apps.hub;
