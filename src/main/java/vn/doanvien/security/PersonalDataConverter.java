package vn.doanvien.security;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a personal-data column encrypted (see {@link PersonalData#encrypt}); reads it back in clear. */
@Converter
public class PersonalDataConverter implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return PersonalData.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return PersonalData.decrypt(column);
    }
}
