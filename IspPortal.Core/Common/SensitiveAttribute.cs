namespace IspPortal.Core.Common;

/// <summary>
/// A secret or a secret's derivative (password, password hash, encrypted NIK, token). The audit
/// log writes "***" instead of its value, before and after.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>
/// Left out of the audit log: on a class, the whole entity (an append-only log is its own trail);
/// on a property, a value that changes by itself all day (a customer's online state from the
/// 5-minute sync) and would bury real changes. An update that touches only such properties writes
/// no audit row.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = true)]
public sealed class NotAuditedAttribute : Attribute;
