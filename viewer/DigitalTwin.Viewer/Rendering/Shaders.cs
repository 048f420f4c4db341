namespace DigitalTwin.Viewer.Rendering;

/// <summary>GLSL 3.30 core sources. Everything is computed in pixels (top-left origin) and turned into clip space last.</summary>
internal static class Shaders
{
    /// <summary>What every vertex shader starts with: the version, and pixels (top-left origin) into clip space.</summary>
    private const string VertexPrelude = """
        #version 330 core
        vec4 pixelToClip(vec2 p, vec2 viewport) {
            return vec4(p.x / viewport.x * 2.0 - 1.0, 1.0 - p.y / viewport.y * 2.0, 0.0, 1.0);
        }

        """;

    /// <summary>
    /// Streets: each piece is a quad whose four corners sit on the piece's centre line; the shader pushes them out
    /// by half the street's width in pixels (metres times zoom), with a minimum width so that a zoomed-out street
    /// stays visible, and square caps so that the pieces of a bent street join without gaps. The carriageway pass
    /// draws nothing where the carriageway would be thinner than a few pixels (it would only add noise).
    /// </summary>
    public const string StreetVertex = VertexPrelude + """
        layout(location = 0) in vec4 a_piece;
        layout(location = 1) in vec2 a_corner;
        layout(location = 2) in vec2 a_widths;
        layout(location = 3) in vec4 a_colour;
        uniform vec2 u_scale;
        uniform vec2 u_offset;
        uniform vec2 u_viewport;
        uniform int u_carriageway;
        uniform float u_minWidthPixels;
        uniform float u_hideBelowPixels;
        out vec4 v_colour;
        void main() {
            vec2 a = a_piece.xy * u_scale + u_offset;
            vec2 b = a_piece.zw * u_scale + u_offset;
            float width = (u_carriageway == 1 ? a_widths.y : a_widths.x) * abs(u_scale.x);
            width = width < u_hideBelowPixels ? 0.0 : max(width, u_minWidthPixels);
            vec2 d = b - a;
            float len = length(d);
            vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
            vec2 normal = vec2(-dir.y, dir.x);
            float half_width = 0.5 * width;
            vec2 p = mix(a, b, a_corner.x) + dir * (a_corner.x * 2.0 - 1.0) * half_width + normal * a_corner.y * half_width;
            gl_Position = pixelToClip(p, u_viewport);
            v_colour = a_colour;
        }
        """;

    public const string StreetFragment = """
        #version 330 core
        in vec4 v_colour;
        uniform int u_useFlat;
        uniform vec4 u_flatColour;
        out vec4 o_colour;
        void main() {
            o_colour = u_useFlat == 1 ? u_flatColour : v_colour;
        }
        """;

    /// <summary>Markers: a world anchor moved to pixels (scale 0 for screen-space text) plus a pixel offset.</summary>
    public const string MarkerVertex = VertexPrelude + """
        layout(location = 0) in vec2 a_anchor;
        layout(location = 1) in vec2 a_offset;
        layout(location = 2) in vec4 a_colour;
        uniform vec2 u_scale;
        uniform vec2 u_offset;
        uniform vec2 u_viewport;
        uniform float u_symbolScale;
        out vec4 v_colour;
        void main() {
            vec2 p = a_anchor * u_scale + u_offset + a_offset * u_symbolScale;
            gl_Position = pixelToClip(p, u_viewport);
            v_colour = a_colour;
        }
        """;

    public const string MarkerFragment = """
        #version 330 core
        in vec4 v_colour;
        out vec4 o_colour;
        void main() {
            o_colour = v_colour;
        }
        """;

    /// <summary>
    /// The overview: a unit square stretched over a level's world rectangle, textured with the level's picture
    /// (<see cref="OverviewLevels"/>); texture coordinates are the square's corners, south-west at (0, 0).
    /// </summary>
    public const string OverviewVertex = VertexPrelude + """
        layout(location = 0) in vec2 a_corner;
        uniform vec2 u_worldMin;
        uniform vec2 u_worldMax;
        uniform vec2 u_scale;
        uniform vec2 u_offset;
        uniform vec2 u_viewport;
        out vec2 v_uv;
        void main() {
            vec2 p = mix(u_worldMin, u_worldMax, a_corner) * u_scale + u_offset;
            gl_Position = pixelToClip(p, u_viewport);
            v_uv = a_corner;
        }
        """;

    public const string OverviewFragment = """
        #version 330 core
        in vec2 v_uv;
        uniform sampler2D u_picture;
        out vec4 o_colour;
        void main() {
            o_colour = texture(u_picture, v_uv);
        }
        """;
}
