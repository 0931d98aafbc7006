//! Persona avatars: any PNG or JPEG the user picks, stored small inside the workspace.

use std::io::Cursor;
use std::path::Path;

use image::imageops::FilterType;

use super::{Result, StoreError};

/// Avatars are stored at most this many pixels on a side: enough for a crisp card at 2×.
pub const AVATAR_PX: u32 = 128;

/// Reads a PNG or JPEG, crops it to a centred square, downscales it to [`AVATAR_PX`] and
/// returns PNG bytes. A file that is not a picture gives a message naming it.
pub fn load_avatar(path: &Path) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    avatar_from_bytes(&bytes).map_err(|detail| StoreError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, detail),
    })
}

/// [`load_avatar`] on bytes already read.
pub fn avatar_from_bytes(bytes: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let picture =
        image::load_from_memory(bytes).map_err(|err| format!("not a PNG or JPEG picture ({err})"))?;
    let side = picture.width().min(picture.height());
    let square = picture.crop_imm((picture.width() - side) / 2, (picture.height() - side) / 2, side, side);
    let small = if side > AVATAR_PX {
        square.resize_exact(AVATAR_PX, AVATAR_PX, FilterType::Lanczos3)
    } else {
        square
    };
    let mut png = Vec::new();
    small
        .to_rgba8()
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|err| format!("could not encode the avatar ({err})"))?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downscales_and_crops_to_a_square() {
        let wide = image::RgbaImage::from_pixel(400, 200, image::Rgba([200, 10, 10, 255]));
        let mut bytes = Vec::new();
        wide.write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png).expect("encode");
        let png = avatar_from_bytes(&bytes).expect("avatar");
        let back = image::load_from_memory(&png).expect("decode");
        assert_eq!((back.width(), back.height()), (AVATAR_PX, AVATAR_PX));
    }

    #[test]
    fn rejects_what_is_not_a_picture() {
        assert!(avatar_from_bytes(b"customer_id,persona\n1,A\n").is_err());
        let err = load_avatar(Path::new("/no/such/file.png")).expect_err("missing");
        assert!(err.to_string().contains("/no/such/file.png"));
    }
}
