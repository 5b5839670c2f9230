/** Start and stop as a replica behind a load balancer: readiness down, drain, then stop. */
package org.stomacds.server.lifecycle;
