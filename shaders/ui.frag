#version 300 es
// One program for everything the UI draws: the font atlas is a one-channel texture (coverage in
// red, a quarter of RGBA's upload), cached tiles and images are RGBA. `u_coverage` says which.
precision mediump float;
uniform sampler2D u_texture;
uniform bool u_coverage;
in vec2 v_uv;
in vec4 v_colour;
layout(location = 0) out vec4 o_colour;

void main() {
    vec4 texel = texture(u_texture, v_uv);
    o_colour = u_coverage ? vec4(v_colour.rgb, v_colour.a * texel.r) : v_colour * texel;
}
