using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace PagerDutySinks.Fingerprinting;

// Stable, build-independent names for methods and types: no generic arguments or arity, no compiler ordinals,
// closure and state-machine types folded into the type the developer wrote.
internal static class MethodNames
{
    private static readonly ConcurrentDictionary<Type, string> TypeNames = new();

    public static FrameInfo Describe(MethodBase method, InAppFilter filter)
    {
        var member = CompilerGeneratedNames.Normalize(method.Name, out var owner);
        var type = method.DeclaringType;
        var foldedStateMachine = false;
        while (type is not null && type.IsNested && CompilerGeneratedNames.IsGenerated(type.Name))
        {
            // A state machine (`<Place>d__5`) carries the real method name; closure holders (`<>c`) carry none.
            var typeMember = CompilerGeneratedNames.Normalize(type.Name, out var typeOwner);
            if (!foldedStateMachine && typeMember.Length > 0)
            {
                member = typeMember;
                owner = typeOwner;
                foldedStateMachine = true;
            }

            type = type.DeclaringType;
        }

        if (member.Length == 0)
        {
            member = method.Name;
            owner = member;
        }

        if (type is null)
        {
            // Dynamic methods and global functions have no type; they are never the application's own code.
            return new FrameInfo(member, owner, isInApp: false, isInliningBarrier: false);
        }

        var typeName = TypeName(type);
        var barrier = (foldedStateMachine && method.Name == "MoveNext") || IsNeverInlined(method);
        return new FrameInfo(typeName + "." + member, typeName + "." + owner, filter.IsInApp(typeName), barrier);
    }

    private static bool IsNeverInlined(MethodBase method)
    {
        if ((method.MethodImplementationFlags & MethodImplAttributes.NoInlining) != 0)
        {
            return true;
        }

        // The JIT does not inline methods that never return; [DoesNotReturn] marks the throw-helper pattern. Matched
        // by name because netstandard2.0 has no such attribute type.
        try
        {
            foreach (var attribute in method.CustomAttributes)
            {
                if (attribute.AttributeType.FullName == "System.Diagnostics.CodeAnalysis.DoesNotReturnAttribute")
                {
                    return true;
                }
            }
        }
        catch (Exception)
        {
            // Attribute metadata that cannot be loaded only costs precision, never the fingerprint.
        }

        return false;
    }

    // `Namespace.Outer.Inner` without arity or generic arguments: `Repository<Order>` and `Repository<Invoice>` agree.
    public static string TypeName(Type type) => TypeNames.GetOrAdd(type, static t => Build(t));

    public static string ShortTypeName(Type type) => CompilerGeneratedNames.StripArity(type.Name);

    private static string Build(Type type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Type type)
    {
        if (type.IsNested && type.DeclaringType is { } outer)
        {
            Append(builder, outer);
            builder.Append('.');
        }
        else if (!string.IsNullOrEmpty(type.Namespace))
        {
            builder.Append(type.Namespace).Append('.');
        }

        builder.Append(CompilerGeneratedNames.StripArity(type.Name));
    }
}
