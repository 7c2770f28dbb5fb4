namespace IspPortal.Core.Common;

/// <summary>
/// Marks a type in a feature's sub-folder that other features may use. A feature exposes its root
/// namespace (entities, ports, events) and these; anything else in its sub-folders is its own
/// business, and the architecture tests refuse a reference to it from another feature
/// (docs/decisions/0014).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum, Inherited = false)]
public sealed class FeatureApiAttribute : Attribute;
