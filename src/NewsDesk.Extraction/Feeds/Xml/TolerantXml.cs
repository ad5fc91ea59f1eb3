using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Xml.Parser;

namespace NewsDesk.Extraction.Feeds.Xml;

/// <summary>A document as read, and how: the encoding chosen and whether it had to be repaired or recovered.</summary>
public sealed record XmlReadResult(XDocument Document, DecodedXml Decoded, string? Repair);

/// <summary>
/// Reads XML the way feed readers must: a strict parse first (<see cref="SafeXml"/> settings: no DTD, no external
/// entities); if that fails, the same strict parse of the text with HTML entities and stray ampersands fixed
/// (<see cref="XmlRepair"/>); if that fails too, AngleSharp.Xml's recovering parser, which closes unclosed
/// elements and skips what it cannot read. A document that declares its own entities is refused before any of
/// this, so XXE and billion-laughs never reach a parser that might expand them.
/// </summary>
public static partial class TolerantXml
{
    /// <summary>Deeper elements are not kept by the recovering parse (nothing a feed needs is that deep).</summary>
    public const int MaxRecoveredDepth = 256;

    public static XmlReadResult Load(ReadOnlySpan<byte> bytes, string? contentType)
    {
        var decoded = XmlTextDecoder.Decode(bytes, contentType);
        var text = XmlRepair.TrimProlog(decoded.Text);
        RefuseEntityDeclarations(text);

        XmlException strictError;
        try
        {
            return new XmlReadResult(Strict(text), decoded, null);
        }
        catch (XmlException ex)
        {
            strictError = ex;
        }

        var repaired = XmlRepair.Repair(text);
        try
        {
            return new XmlReadResult(Strict(repaired), decoded, $"repaired ({strictError.Message})");
        }
        catch (XmlException)
        {
            // Ill-formed beyond entities: recover below.
        }

        var recovered = Recover(repaired)
            ?? throw new FeedFormatException($"not XML, even read leniently ({strictError.Message})", strictError);
        return new XmlReadResult(recovered, decoded, $"recovered from ill-formed XML ({strictError.Message})");
    }

    /// <summary>Refuses a document whose DTD declares entities: nothing NewsDesk reads needs them, attacks do.</summary>
    public static void RefuseEntityDeclarations(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (EntityDeclaration().Match(Prolog(text)) is { Success: true } declaration)
        {
            throw new FeedFormatException(
                $"the document declares its own entity \"{declaration.Groups[1].Value}\" in a DTD; such documents are refused (XXE and entity-expansion attacks hide there)");
        }
    }

    // Entities can only be declared before the root element; an article about XXE inside CDATA is not one.
    private static string Prolog(string text)
    {
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
        {
            if (char.IsLetter(text[i + 1]))
            {
                return text[..i];
            }
        }

        return text;
    }

    private static XDocument Strict(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), SafeXml.CreateSettings());
        return XDocument.Load(reader, LoadOptions.None);
    }

    private static XDocument? Recover(string text)
    {
        var parser = new XmlParser(new XmlParserOptions { IsSuppressingErrors = true });
        IDocument document;
        try
        {
            document = parser.ParseDocument(text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // AngleSharp.Xml gives up on a few inputs even when told to suppress errors.
            return null;
        }

        return document.DocumentElement is { } root ? new XDocument(Convert(root)) : null;
    }

    // Iterative, so a hostile nesting depth cannot overflow the stack.
    private static XElement Convert(IElement root)
    {
        var top = new XElement(NameOf(root) ?? "root");
        CopyAttributes(root, top);
        var pending = new Stack<(INode Node, XElement Parent, int Depth)>();
        Push(root, top, 1);
        while (pending.Count > 0)
        {
            var (node, parent, depth) = pending.Pop();
            switch (node)
            {
                case IElement element when NameOf(element) is { } name:
                    var copy = new XElement(name);
                    CopyAttributes(element, copy);
                    parent.Add(copy);
                    if (depth < MaxRecoveredDepth)
                    {
                        Push(element, copy, depth + 1);
                    }

                    break;
                case IElement unnamed:
                    // A name XML cannot hold: keep what is inside it.
                    Push(unnamed, parent, depth + 1);
                    break;
                case ICharacterData { NodeType: NodeType.Text or NodeType.CharacterData } data:
                    parent.Add(node.NodeType == NodeType.CharacterData ? new XCData(data.Data) : new XText(data.Data));
                    break;
            }
        }

        return top;

        void Push(INode from, XElement into, int depth)
        {
            for (var i = from.ChildNodes.Length - 1; i >= 0; i--)
            {
                pending.Push((from.ChildNodes[i], into, depth));
            }
        }
    }

    private static XName? NameOf(IElement element)
    {
        try
        {
            return XName.Get(XmlConvert.VerifyNCName(element.LocalName), element.NamespaceUri ?? "");
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static void CopyAttributes(IElement from, XElement to)
    {
        foreach (var attribute in from.Attributes)
        {
            if (attribute.NamespaceUri == "http://www.w3.org/2000/xmlns/" || attribute.Name == "xmlns" || attribute.Name.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                var name = XName.Get(XmlConvert.VerifyNCName(attribute.LocalName), attribute.NamespaceUri ?? "");
                if (to.Attribute(name) is null)
                {
                    to.SetAttributeValue(name, attribute.Value);
                }
            }
            catch (XmlException)
            {
                // An attribute name XML cannot hold is dropped, not the element.
            }
        }
    }

    [GeneratedRegex(@"<!ENTITY\s+%?\s*([^\s>]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EntityDeclaration();
}
