-- Filtered audit pages (by action, by user, by resource type) read one tenant's rows newest first;
-- without these a filter walks the tenant's whole history by date.
CREATE INDEX audit_log_tenant_action ON audit_log (tenant_id, action, created_at DESC, position DESC);
CREATE INDEX audit_log_tenant_user ON audit_log (tenant_id, user_id, created_at DESC, position DESC);
CREATE INDEX audit_log_tenant_resource_type ON audit_log (tenant_id, resource_type, created_at DESC, position DESC);
