//! A row of the Contract reviews sheet: a large month lists a million contracts, so a row's
//! fourteen texts are held in one block ([`TextBlock`]), read back as [`ContractTexts`].

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::base::put_away::{pack_amount, pack_day, unpack_amount, unpack_day, Packed};
use crate::base::text_block::TextBlock;

/// One contract of the month, with the review it required and the one recorded.
#[derive(Clone, Debug)]
pub struct ContractRow {
    /// The texts of [`ContractTexts`], in its order.
    texts: TextBlock<14>,
    pub values: ContractValues,
}

/// The texts of a [`ContractRow`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ContractTexts<'a> {
    pub id: &'a str,
    pub customer: &'a str,
    pub document_type: &'a str,
    pub product_category: &'a str,
    pub required_method: &'a str,
    pub required_approver: &'a str,
    pub method: &'a str,
    pub approver_role: &'a str,
    pub approver: &'a str,
    pub review_form_no: &'a str,
    pub minutes_no: &'a str,
    pub outcome: &'a str,
    /// Compliant, or the rule ids of the row's findings.
    pub status: &'a str,
    /// `contracts.xlsx › 2026 › row 17`
    pub source: &'a str,
}

/// One text of a [`ContractRow`] ([`ContractRow::text`]), as [`ContractTexts`] names it: a table
/// writing a million rows reads each cell's text alone.
#[derive(Clone, Copy, Debug)]
pub enum ContractText {
    Id,
    Customer,
    DocumentType,
    ProductCategory,
    RequiredMethod,
    RequiredApprover,
    Method,
    ApproverRole,
    Approver,
    ReviewFormNo,
    MinutesNo,
    Outcome,
    Status,
    Source,
}

/// The amount and dates of a [`ContractRow`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ContractValues {
    pub amount: Option<Decimal>,
    pub received: Option<NaiveDate>,
    pub review_date: Option<NaiveDate>,
    pub commitment_date: Option<NaiveDate>,
}

impl ContractRow {
    pub fn new(t: ContractTexts, values: ContractValues) -> ContractRow {
        ContractRow {
            texts: TextBlock::new([
                t.id,
                t.customer,
                t.document_type,
                t.product_category,
                t.required_method,
                t.required_approver,
                t.method,
                t.approver_role,
                t.approver,
                t.review_form_no,
                t.minutes_no,
                t.outcome,
                t.status,
                t.source,
            ]),
            values,
        }
    }

    /// One of the row's texts.
    pub fn text(&self, which: ContractText) -> &str {
        self.texts.get(which as usize)
    }

    /// The row's texts.
    pub fn texts(&self) -> ContractTexts<'_> {
        let [id, customer, document_type, product_category, required_method, required_approver, method, approver_role, approver, review_form_no, minutes_no, outcome, status, source] =
            self.texts.texts();
        ContractTexts {
            id,
            customer,
            document_type,
            product_category,
            required_method,
            required_approver,
            method,
            approver_role,
            approver,
            review_form_no,
            minutes_no,
            outcome,
            status,
            source,
        }
    }
}

/// A row put away until the workbook is written ([`crate::base::put_away`]): its texts, then its
/// amount and dates.
impl Packed for ContractRow {
    fn pack(&self, out: &mut Vec<u8>) {
        self.texts.pack(out);
        let v = &self.values;
        pack_amount(out, v.amount);
        for day in [v.received, v.review_date, v.commitment_date] {
            pack_day(out, day);
        }
    }

    fn unpack(bytes: &[u8]) -> Option<(Self, &[u8])> {
        let (texts, rest) = TextBlock::unpack(bytes)?;
        let (amount, rest) = unpack_amount(rest)?;
        let (received, rest) = unpack_day(rest)?;
        let (review_date, rest) = unpack_day(rest)?;
        let (commitment_date, rest) = unpack_day(rest)?;
        let values = ContractValues {
            amount,
            received,
            review_date,
            commitment_date,
        };
        Some((ContractRow { texts, values }, rest))
    }
}

impl Serialize for ContractRow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.texts();
        let mut s = serializer.serialize_struct("ContractRow", 18)?;
        s.serialize_field("id", t.id)?;
        s.serialize_field("customer", t.customer)?;
        s.serialize_field("document_type", t.document_type)?;
        s.serialize_field("product_category", t.product_category)?;
        s.serialize_field("amount", &self.values.amount)?;
        s.serialize_field("received", &self.values.received)?;
        s.serialize_field("required_method", t.required_method)?;
        s.serialize_field("required_approver", t.required_approver)?;
        s.serialize_field("method", t.method)?;
        s.serialize_field("approver_role", t.approver_role)?;
        s.serialize_field("approver", t.approver)?;
        s.serialize_field("review_date", &self.values.review_date)?;
        s.serialize_field("commitment_date", &self.values.commitment_date)?;
        s.serialize_field("review_form_no", t.review_form_no)?;
        s.serialize_field("minutes_no", t.minutes_no)?;
        s.serialize_field("outcome", t.outcome)?;
        s.serialize_field("status", t.status)?;
        s.serialize_field("source", t.source)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::{ContractRow, ContractText, ContractTexts, ContractValues};
    use crate::base::put_away::Packed;

    /// Each text reads back alone as it reads among all: the names of [`ContractText`] are in
    /// the order the row keeps its texts.
    #[test]
    fn each_text_reads_back_by_its_name() {
        let texts = ContractTexts {
            id: "HT-2026-031",
            customer: "華南機電設備有限公司",
            document_type: "合同",
            product_category: "",
            required_method: "會簽評審",
            required_approver: "銷售公司經理 / 總經理",
            method: "會簽評審",
            approver_role: "總經理",
            approver: "王偉",
            review_form_no: "PS-0001",
            minutes_no: "",
            outcome: "接受",
            status: "CR02, CR03",
            source: "contracts.xlsx › 2026 › 第 17 行",
        };
        let row = ContractRow::new(texts, ContractValues::default());
        assert_eq!(row.texts(), texts);
        use ContractText::*;
        let each = [
            (Id, texts.id),
            (Customer, texts.customer),
            (DocumentType, texts.document_type),
            (ProductCategory, texts.product_category),
            (RequiredMethod, texts.required_method),
            (RequiredApprover, texts.required_approver),
            (Method, texts.method),
            (ApproverRole, texts.approver_role),
            (Approver, texts.approver),
            (ReviewFormNo, texts.review_form_no),
            (MinutesNo, texts.minutes_no),
            (Outcome, texts.outcome),
            (Status, texts.status),
            (Source, texts.source),
        ];
        for (which, text) in each {
            assert_eq!(row.text(which), text, "{which:?}");
        }
    }

    /// A row packed and unpacked is the row it was — its texts, its amount and its days, given
    /// and blank — and reads no further than itself.
    #[test]
    fn a_row_put_away_reads_back_as_it_was() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 17).unwrap();
        let texts = ContractTexts {
            id: "HT-2026-031",
            customer: "華南機電設備有限公司",
            status: "CR02, CR03",
            ..ContractTexts::default()
        };
        let values = [
            ContractValues {
                amount: Some(rust_decimal::Decimal::new(1_234_567, 2)),
                received: Some(day),
                review_date: None,
                commitment_date: Some(day + chrono::Days::new(30)),
            },
            ContractValues::default(),
        ];
        for values in values {
            let row = ContractRow::new(texts, values);
            let mut bytes = Vec::new();
            row.pack(&mut bytes);
            bytes.push(0xAB);
            let (back, rest) = ContractRow::unpack(&bytes).expect("the row reads back");
            assert_eq!((back.texts(), back.values), (texts, values));
            assert_eq!(rest, [0xAB]);
            assert!(ContractRow::unpack(&bytes[..bytes.len() - 2]).is_none(), "cut short");
        }
    }
}
