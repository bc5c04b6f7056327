/**
 * Notification: live updates for staff dashboards and alerts to staff. PostgreSQL keeps every dashboard update
 * in order (a sequence number each); live channels only wake subscribers, in-process or through Redis pub/sub
 * when several instances run, and a dashboard that reconnects asks for what it missed. Nothing depends on this
 * module; it follows the events of the others.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.medassist.notification;
