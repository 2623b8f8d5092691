using BoardKit.Gateway.Imaging;
using BoardKit.Gateway.Pictograms;
using BoardKit.Gateway.Qr;

namespace BoardKit.Gateway.Composition
{
    /// <summary>The picture of a composed frame: a decoded image, a pictogram or a QR code.</summary>
    public abstract record PictureContent
    {
        private protected PictureContent()
        {
        }
    }

    /// <summary>A decoded picture file, made for LEDs as <paramref name="Options"/> say (<see cref="PictureRenderer"/>).</summary>
    public sealed record ImageContent(DecodedImage Image, PictureOptions Options) : PictureContent;

    /// <summary>One of BoardKit's pictograms (<see cref="Pictograms.Pictograms"/>).</summary>
    public sealed record PictogramContent(PictogramKind Kind) : PictureContent;

    /// <summary>A QR code of <paramref name="Url"/> (<see cref="QrCodes"/>), light modules in <paramref name="Light"/>.</summary>
    public sealed record QrContent(string Url, uint Light = QrCodes.DefaultLight) : PictureContent;
}
