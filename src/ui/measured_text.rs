//! A chart's text measured once per page. On a web page plotters measures a piece of text (a
//! title, an axis's description) by adding it to the page and reading its laid-out size: each
//! measurement makes the browser lay the page out again, in the middle of a what-if's redraw,
//! though a chart asks for the same few texts every time it is drawn. A backend wrapped in
//! [`MeasuredOnce`] asks the page the first time only and remembers the answer, so every chart
//! is drawn exactly as before.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use std::cell::RefCell;
use std::collections::HashMap;

/// A text's font and size as plotters asks for its measurement: the family, the style, the size
/// (its bits: the size in device pixels, so a change of zoom asks the page again) and the text.
type TextKey = (String, String, u64, String);

/// The most measurements kept: a page's charts ask for a few dozen texts; past this many (text
/// of ever-changing figures) the memory starts again empty rather than grow.
const KEPT: usize = 4_096;

thread_local! {
    static MEASURED: RefCell<HashMap<TextKey, (u32, u32)>> = RefCell::new(HashMap::new());
}

/// A drawing backend that draws with `B` and measures each text with `B` only the first time
/// the page's charts ask for it.
pub struct MeasuredOnce<B> {
    inner: B,
}

impl<B> MeasuredOnce<B> {
    /// Wraps `inner`.
    pub fn new(inner: B) -> Self {
        Self { inner }
    }
}

impl<B: DrawingBackend> DrawingBackend for MeasuredOnce<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let key = (
            style.family().as_str().to_string(),
            style.style().as_str().to_string(),
            style.size().to_bits(),
            text.to_string(),
        );
        if let Some(size) = MEASURED.with(|m| m.borrow().get(&key).copied()) {
            return Ok(size);
        }
        let size = self.inner.estimate_text_size(text, style)?;
        MEASURED.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() >= KEPT {
                m.clear();
            }
            m.insert(key, size);
        });
        Ok(size)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;
    use std::cell::Cell;
    use std::rc::Rc;

    /// A backend that only counts how often it is asked to measure, and answers from the
    /// text's length: 7 pixels a character, the size's height.
    struct Counting {
        asked: Rc<Cell<u32>>,
    }

    #[derive(Debug)]
    struct Never;
    impl std::fmt::Display for Never {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "never")
        }
    }
    impl std::error::Error for Never {}

    impl DrawingBackend for Counting {
        type ErrorType = Never;
        fn get_size(&self) -> (u32, u32) {
            (100, 100)
        }
        fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
            Ok(())
        }
        fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
            Ok(())
        }
        fn draw_pixel(
            &mut self,
            _: BackendCoord,
            _: BackendColor,
        ) -> Result<(), DrawingErrorKind<Never>> {
            Ok(())
        }
        fn estimate_text_size<S: BackendTextStyle>(
            &self,
            text: &str,
            style: &S,
        ) -> Result<(u32, u32), DrawingErrorKind<Never>> {
            self.asked.set(self.asked.get() + 1);
            Ok((7 * text.chars().count() as u32, style.size() as u32))
        }
    }

    #[test]
    fn a_text_is_measured_once_and_then_given_the_same_size() {
        let asked = Rc::new(Cell::new(0));
        let backend = MeasuredOnce::new(Counting {
            asked: asked.clone(),
        });
        // A title no other test measures: the memory is the thread's.
        let font = TextStyle::from(("sans-serif", 31.5).into_font());
        let title = "A1: entering care to moving in (measured once)";
        assert_eq!(
            backend.estimate_text_size(title, &font).ok(),
            Some((7 * 46, 31))
        );
        assert_eq!(
            backend.estimate_text_size(title, &font).ok(),
            Some((7 * 46, 31))
        );
        assert_eq!(asked.get(), 1);
        // Another size, or another text, is measured by the backend.
        let larger = TextStyle::from(("sans-serif", 40.0).into_font());
        assert_eq!(
            backend.estimate_text_size(title, &larger).ok(),
            Some((7 * 46, 40))
        );
        assert_eq!(
            backend.estimate_text_size("days", &font).ok(),
            Some((28, 31))
        );
        assert_eq!(asked.get(), 3);
    }
}
