//! Where each value was drawn, recorded by the drawing code itself as it places the marks, so
//! that the page can find the value under the pointer from the very layout the reader sees:
//! the two can never disagree, whatever the chart kind, size or scale.

use serde::Serialize;

/// How far from a mark, in CSS pixels, a mouse pointer still finds it: markers are a few
/// pixels wide, and a reader should not have to land on them exactly.
pub const MOUSE_REACH: f64 = 12.0;

/// How far from a mark, in CSS pixels, a tap still finds it: a fingertip covers about
/// 7 mm, and hides the marker it aims at.
pub const TOUCH_REACH: f64 = 24.0;

/// The pixels a value covers on the chart.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Area {
    /// A line's marker: its centre and radius.
    Point { x: f64, y: f64, radius: f64 },
    /// A bar or a stack segment: its left, top, right and bottom edges.
    Rect { x0: f64, y0: f64, x1: f64, y1: f64 },
}

impl Area {
    /// The smallest rectangle holding the area: its left, top, right and bottom edges.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        match *self {
            Area::Point { x, y, radius } => (x - radius, y - radius, x + radius, y + radius),
            Area::Rect { x0, y0, x1, y1 } => (x0, y0, x1, y1),
        }
    }

    /// The distance from `(x, y)` to the area's edge; zero inside it.
    fn distance(&self, (x, y): (f64, f64)) -> f64 {
        match *self {
            Area::Point {
                x: centre_x,
                y: centre_y,
                radius,
            } => ((x - centre_x).hypot(y - centre_y) - radius).max(0.0),
            Area::Rect { x0, y0, x1, y1 } => {
                let dx = (x0 - x).max(x - x1).max(0.0);
                let dy = (y0 - y).max(y - y1).max(0.0);
                dx.hypot(dy)
            }
        }
    }

    /// The distance from `(x, y)` to the area's middle, which decides between overlapping
    /// markers: the one whose centre is nearer is the one the reader aims at.
    fn distance_to_middle(&self, (x, y): (f64, f64)) -> f64 {
        match *self {
            Area::Point {
                x: centre_x,
                y: centre_y,
                ..
            } => (x - centre_x).hypot(y - centre_y),
            Area::Rect { x0, y0, x1, y1 } => ((x0 + x1) / 2.0 - x).hypot((y0 + y1) / 2.0 - y),
        }
    }

    /// The area with every coordinate multiplied by `(x_factor, y_factor)`.
    fn scaled(self, x_factor: f64, y_factor: f64) -> Area {
        match self {
            Area::Point { x, y, radius } => Area::Point {
                x: x * x_factor,
                y: y * y_factor,
                radius: radius * x_factor.min(y_factor),
            },
            Area::Rect { x0, y0, x1, y1 } => Area::Rect {
                x0: x0 * x_factor,
                y0: y0 * y_factor,
                x1: x1 * x_factor,
                y1: y1 * y_factor,
            },
        }
    }
}

/// One drawn value: which point of the plot it shows, and where.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DrawnValue {
    /// The index of the series in `Plot::series`.
    pub series: usize,
    /// The index of the point in the series' points, which is also its category's index in
    /// `Plot::categories`.
    pub point: usize,
    /// The series' id.
    pub series_id: String,
    /// The category's id.
    pub category_id: String,
    /// Where the value is drawn.
    pub area: Area,
}

impl DrawnValue {
    /// Where a tooltip about this value points, for a pointer at `pointer`: a marker's centre,
    /// or the middle of a bar at the pointer's height (a tall bar's top may be far away).
    pub fn anchor(&self, (_, y): (f64, f64)) -> (f64, f64) {
        match self.area {
            Area::Point {
                x: centre_x,
                y: centre_y,
                ..
            } => (centre_x, centre_y),
            // `max` and `min` rather than `clamp`, which would panic on a crossed rectangle.
            Area::Rect { x0, y0, x1, y1 } => ((x0 + x1) / 2.0, y.max(y0).min(y1)),
        }
    }
}

/// Every value drawn on one chart, in drawing order (what was drawn last lies on top), with
/// the plot area the values were drawn in and the boxes of the callouts' text, so that what
/// the layout promises can be checked against what it drew.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Hits {
    values: Vec<DrawnValue>,
    #[serde(skip)]
    plot_area: Option<Area>,
    #[serde(skip)]
    callouts: Vec<Area>,
}

impl Hits {
    /// The recorded values, in drawing order.
    pub fn drawn_values(&self) -> &[DrawnValue] {
        &self.values
    }

    /// The plot area, inside the axes (an [`Area::Rect`]); `None` when no plot was drawn.
    pub fn plot_area(&self) -> Option<Area> {
        self.plot_area
    }

    /// The boxes (each an [`Area::Rect`]) of the callouts' text, in drawing order.
    pub fn callouts(&self) -> &[Area] {
        &self.callouts
    }

    /// Records a mark as it is drawn.
    pub(crate) fn record(&mut self, mark: DrawnValue) {
        self.values.push(mark);
    }

    /// Records the plot area, once the axes are laid out.
    pub(crate) fn record_plot_area(&mut self, area: Area) {
        self.plot_area = Some(area);
    }

    /// Records the box of a callout's text as it is drawn.
    pub(crate) fn record_callout(&mut self, area: Area) {
        self.callouts.push(area);
    }

    /// The same marks with every coordinate multiplied by `(x_factor, y_factor)`: from the
    /// backend's pixels to CSS pixels on a canvas drawn at devicePixelRatio, for instance.
    pub fn scaled(self, x_factor: f64, y_factor: f64) -> Hits {
        Hits {
            values: self
                .values
                .into_iter()
                .map(|mark| DrawnValue {
                    area: mark.area.scaled(x_factor, y_factor),
                    ..mark
                })
                .collect(),
            plot_area: self.plot_area.map(|area| area.scaled(x_factor, y_factor)),
            callouts: self
                .callouts
                .into_iter()
                .map(|area| area.scaled(x_factor, y_factor))
                .collect(),
        }
    }

    /// The mark under `at`, or else the nearest one no farther than `reach`; `None` when
    /// nothing is that close, or when `at` is not a position at all. Among marks equally
    /// close (several under the pointer), the one whose middle is nearest wins, and then the
    /// one drawn last, which lies on top.
    pub fn at(&self, at: (f64, f64), reach: f64) -> Option<&DrawnValue> {
        if !(at.0.is_finite() && at.1.is_finite()) {
            return None;
        }
        let reach = if reach.is_finite() {
            reach.max(0.0)
        } else {
            0.0
        };
        let mut best: Option<(&DrawnValue, f64, f64)> = None;
        for mark in &self.values {
            let distance = mark.area.distance(at);
            if distance > reach {
                continue;
            }
            let to_middle = mark.area.distance_to_middle(at);
            let better = match best {
                None => true,
                Some((_, best_distance, best_middle)) => {
                    distance < best_distance
                        || (distance == best_distance && to_middle <= best_middle)
                }
            };
            if better {
                best = Some((mark, distance, to_middle));
            }
        }
        best.map(|(mark, _, _)| mark)
    }
}

/// Where a tooltip of `size` goes (its left and top edges) to point at `anchor` inside a box
/// of `bounds`, all in CSS pixels: above and to the right of a mouse pointer, or centred above
/// a finger, which hides what lies below it; flipped to the other side where it would leave
/// the box, and pushed back inside it where it would still stick out.
pub fn tooltip_position(
    (x, y): (f64, f64),
    (width, height): (f64, f64),
    (box_width, box_height): (f64, f64),
    touch: bool,
) -> (f64, f64) {
    let gap = if touch { TOUCH_REACH } else { MOUSE_REACH };
    let mut left = if touch { x - width / 2.0 } else { x + gap };
    if !touch && left + width > box_width {
        left = x - gap - width;
    }
    let mut top = y - gap - height;
    if top < 0.0 {
        top = y + gap;
    }
    // `max` after `min`: a tooltip larger than the box keeps its top left corner in view.
    let inside = |start: f64, size: f64, room: f64| start.min(room - size).max(0.0);
    (
        inside(left, width, box_width),
        inside(top, height, box_height),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(series: usize, x: f64, y: f64) -> DrawnValue {
        DrawnValue {
            series,
            point: 0,
            series_id: format!("s{series}"),
            category_id: "2000".to_string(),
            area: Area::Point { x, y, radius: 4.0 },
        }
    }

    #[test]
    fn overlapping_markers_go_to_the_nearer_centre_then_to_the_one_on_top() {
        let mut hits = Hits::default();
        hits.record(point(0, 100.0, 100.0));
        hits.record(point(1, 103.0, 100.0));
        hits.record(point(2, 103.0, 100.0));
        let series = |at| hits.at(at, MOUSE_REACH).map(|mark| mark.series);
        assert_eq!(
            series((100.5, 100.0)),
            Some(0),
            "the nearer centre should win"
        );
        assert_eq!(
            series((103.0, 100.0)),
            Some(2),
            "the marker drawn last lies on top"
        );
        assert_eq!(series((100.0, 130.0)), None, "30 px away is too far");
        assert_eq!(series((f64::NAN, 100.0)), None, "no position finds nothing");
    }

    #[test]
    fn tooltips_flip_to_stay_inside_the_chart() {
        let size = (100.0, 40.0);
        let chart = (400.0, 300.0);
        // (pointer, touch, where the tooltip should go, what a reader would see go wrong)
        let cases = [
            (
                (50.0, 150.0),
                false,
                (62.0, 98.0),
                "not above right of the pointer",
            ),
            (
                (350.0, 150.0),
                false,
                (238.0, 98.0),
                "leaving the chart on the right",
            ),
            (
                (50.0, 10.0),
                false,
                (62.0, 22.0),
                "leaving the chart at the top",
            ),
            (
                (200.0, 150.0),
                true,
                (150.0, 86.0),
                "not centred above the finger",
            ),
            (
                (10.0, 150.0),
                true,
                (0.0, 86.0),
                "leaving the chart on the left",
            ),
        ];
        for (pointer, touch, expected, problem) in cases {
            assert_eq!(
                tooltip_position(pointer, size, chart, touch),
                expected,
                "a tooltip at {pointer:?} (touch: {touch}) ends up {problem}"
            );
        }
    }
}
